// dyad train-ner | eval-ner: the named-entity recognizer's commands.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "command_support.h"
#include "commands.h"
#include "dyad/ner/entity_recognizer.h"
#include "dyad/ner/entity_recognizer_trainer.h"
#include "dyad/ner/iob2.h"
#include "dyad/ner/ner_evaluation.h"
#include "dyad/pipeline/resources.h"
#include "dyad/syntax/analyzer.h"
#include "dyad/syntax/tagger.h"
#include "dyad/text/abbreviations.h"

namespace {

// Tags every sentence with the project's tagger (the NER's POS features).
void tag_all(const std::string& models_dir, std::vector<dyad::ner::LabeledSentence>& data) {
  const auto tagger = dyad::syntax::Tagger::load(models_dir + "/" + dyad::syntax::kTaggerFile);
  for (auto& ls : data) tagger.tag(ls.sentence);
}

std::string span_text(const dyad::Sentence& s, const dyad::ner::EntitySpan& e) {
  std::string out = std::string(dyad::ner::entity_type_name(e.type)) + " [";
  for (uint32_t i = e.first; i <= e.last; ++i) out += (i > e.first ? " " : "") + s.tokens[i].form;
  return out + "]";
}

// Every sentence with a wrong or missed PER/ORG/LOC entity: text, then "-" missed and
// "+" wrongly predicted entities.
void write_errors(const std::string& path, const dyad::ner::EntityRecognizer& r,
                  const std::vector<dyad::ner::LabeledSentence>& gold) {
  std::ofstream out(path);
  if (!out) throw std::runtime_error("cannot write " + path);
  for (const auto& ls : gold) {
    auto pred = r.recognize(ls.sentence);
    std::vector<std::string> lines;
    for (const auto& g : ls.entities)
      if (g.type != dyad::ner::EntityType::Other && std::find(pred.begin(), pred.end(), g) == pred.end())
        lines.push_back("  - " + span_text(ls.sentence, g));
    for (const auto& p : pred)
      if (std::find(ls.entities.begin(), ls.entities.end(), p) == ls.entities.end())
        lines.push_back("  + " + span_text(ls.sentence, p));
    if (lines.empty()) continue;
    for (const auto& t : ls.sentence.tokens) out << t.form << ' ';
    out << '\n';
    for (const auto& l : lines) out << l << '\n';
  }
}

}  // namespace

namespace dyad {

int cmd_train_ner(const std::vector<std::string>& args) {
  const char* kUsage =
      "dyad train-ner TRAIN.iob2 DEV.iob2 [-o models/ner.bin] [--epochs N] [--seed S] "
      "[--ensemble K] [--threads N] [--prune W] [--min-updates N] [--rare N] [--pos] [--add-dev] [--models DIR (tagger)] [--data DIR] [--words FILE]";
  std::string out = default_models_dir() + "/" + ner::kNerModelFile;
  std::string models = default_models_dir(), data = default_data_dir(), words = ner::kDefaultWordList;
  ner::NerTrainOptions opt;
  opt.log = &std::cerr;
  const auto files = read_arguments(args, [&](const std::string& a, auto next_value) {
    if (a == "--pos") {
      opt.use_pos = true;
    } else if (a == "--add-dev") {
      opt.retrain_with_dev = true;
    } else if (a == "-o" || a == "--output" || a == "--models" || a == "--data" || a == "--words") {
      (a == "--models" ? models : a == "--data" ? data : a == "--words" ? words : out) = next_value();
    } else if (a == "--epochs" || a == "--seed" || a == "--min-updates" || a == "--ensemble" ||
               a == "--threads") {
      const long long x = positive_count(next_value());
      if (a == "--epochs") opt.epochs = static_cast<int>(x);
      else if (a == "--ensemble") opt.ensemble = static_cast<int>(x);
      else if (a == "--threads") opt.threads = static_cast<int>(x);
      else if (a == "--seed") opt.seed = static_cast<uint64_t>(x);
      else opt.min_updates = static_cast<uint32_t>(x);
    } else if (a == "--rare") {
      opt.rare_count = static_cast<uint32_t>(std::stoul(next_value()));
    } else if (a == "--prune") {
      opt.prune = std::stof(next_value());
    } else {
      return false;
    }
    return true;
  });
  if (!files || files->size() != 2) return usage_error(kUsage);
  const std::string &train_path = (*files)[0], &dev_path = (*files)[1];
  const auto start = Clock::now();
  auto train = ner::read_iob2_file(train_path);
  auto dev = ner::read_iob2_file(dev_path);
  std::cerr << "read " << train.size() << " training and " << dev.size() << " dev sentences\n";
  if (opt.use_pos) {
    tag_all(models, train);
    tag_all(models, dev);
  }
  const Abbreviations abbreviations = Abbreviations::load(data + "/text/abbreviations.tsv");
  ner::Gazetteer gazetteer = ner::build_gazetteer(data + "/actors", abbreviations, words);
  std::cerr << "gazetteer: " << gazetteer.size() << " entries\n";
  ner::EntityRecognizer r = ner::train_entity_recognizer(train, dev, std::move(gazetteer), opt);
  std::ostringstream prov;
  prov << "dyad " << DYAD_VERSION << " named-entity recognizer\ntrain: "
       << std::filesystem::path(train_path).filename().string()
       << "\ndev: " << std::filesystem::path(dev_path).filename().string() << "\nepochs: " << opt.epochs
       << (opt.retrain_with_dev ? " (best dev epoch chosen, then trained again on train + dev)" : " (best dev epoch kept)")
       << "\nseed: " << opt.seed << "\nensemble: " << opt.ensemble << " (seeds seed .. seed + ensemble - 1, weights averaged)\nprune: " << opt.prune
       << "\nmin-updates: " << opt.min_updates << "\nrare: " << opt.rare_count << "\npos: " << (opt.use_pos ? "tagger.bin" : "none")
       << "\ngazetteer: data/actors/*.tsv, libgeonames + data/geo, " << words << "\n";
  std::vector<Sentence> self_test;
  for (size_t i = 0; i < dev.size() && self_test.size() < 4; ++i)
    if (!dev[i].entities.empty()) self_test.push_back(dev[i].sentence);
  r.save(out, prov.str(), self_test);
  std::cerr << "wrote " << out << " (" << std::filesystem::file_size(out) << " bytes, "
            << r.model().num_features() << " features, " << r.model().num_weights() << " weights) in "
            << std::fixed << std::setprecision(1) << seconds_since(start) << " s\n";
  return 0;
}

int cmd_eval_ner(const std::vector<std::string>& args) {
  const char* kUsage =
      "dyad eval-ner GOLD.iob2 [--model models/ner.bin] [--models DIR (tagger)] [--errors FILE]";
  std::string gold_path, model = default_models_dir() + "/" + ner::kNerModelFile;
  std::string models = default_models_dir(), errors_path;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--model" || a == "--models" || a == "--errors") {
      if (i + 1 >= args.size()) return usage_error(kUsage);
      (a == "--model" ? model : a == "--models" ? models : errors_path) = args[++i];
    } else if (!a.empty() && a[0] == '-') {
      return usage_error(kUsage);
    } else if (gold_path.empty()) {
      gold_path = a;
    } else {
      return usage_error(kUsage);
    }
  }
  if (gold_path.empty()) return usage_error(kUsage);
  auto gold = ner::read_iob2_file(gold_path);
  auto load_start = Clock::now();
  const ner::EntityRecognizer recognizer = ner::EntityRecognizer::load(model);
  const double load_s = seconds_since(load_start);
  size_t tokens = 0;
  auto tag_start = Clock::now();
  if (recognizer.uses_pos()) tag_all(models, gold);
  const double tag_s = seconds_since(tag_start);
  ner::NerScores scores;
  auto start = Clock::now();
  for (const auto& ls : gold) {
    scores.add(ls.entities, recognizer.recognize(ls.sentence));
    tokens += ls.sentence.tokens.size();
  }
  const double ner_s = seconds_since(start);
  if (!errors_path.empty()) write_errors(errors_path, recognizer, gold);
  std::cout << std::filesystem::path(gold_path).filename().string() << ": " << gold.size()
            << " sentences, " << tokens << " tokens (gold tokenization"
            << (recognizer.uses_pos() ? ", POS from the project's tagger" : "") << ")\n"
            << scores.report() << std::fixed << std::setprecision(0)
            << "  speed   " << tokens / ner_s << " tokens/s (NER alone, one thread)";
  if (recognizer.uses_pos()) std::cout << ", " << tokens / (ner_s + tag_s) << " with tagging";
  std::cout << "\n" << std::setprecision(3) << "  load    " << load_s << " s\n";
  return 0;
}

}  // namespace dyad
