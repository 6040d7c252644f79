// dyad train | parse | eval-parse: the syntax stage's commands.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "command_support.h"
#include "commands.h"
#include "dyad/io/article_reader.h"
#include "dyad/io/conllu.h"
#include "dyad/syntax/analyzer.h"
#include "dyad/syntax/evaluation.h"
#include "dyad/syntax/lemmatizer_trainer.h"
#include "dyad/syntax/parser_trainer.h"
#include "dyad/syntax/tagger_trainer.h"
#include "dyad/text/abbreviations.h"
#include "dyad/text/sentence_splitter.h"

namespace {

std::vector<dyad::Sentence> sentences_of(const std::vector<dyad::ConlluSentence>& v) {
  std::vector<dyad::Sentence> out;
  out.reserve(v.size());
  for (const auto& cs : v) out.push_back(cs.sentence);
  return out;
}

// The lead's sentence splitter and tokenizer, with the shipped abbreviation list.
class TextSegmenter {
 public:
  TextSegmenter() : abbreviations_(load_abbreviations()), splitter_(&abbreviations_, {}) {}
  std::vector<dyad::Sentence> operator()(const std::string& text) const {
    return splitter_.split(text);
  }

 private:
  static dyad::Abbreviations load_abbreviations() {
    const std::string path = std::string(DYAD_SOURCE_DIR) + "/data/text/abbreviations.tsv";
    if (std::filesystem::exists(path)) return dyad::Abbreviations::load(path);
    return dyad::Abbreviations();
  }
  dyad::Abbreviations abbreviations_;
  dyad::SentenceSplitter splitter_;
};

// Replaces xpos/upos of `target` by the tagger's predictions.
void retag(const dyad::syntax::Tagger& tagger, std::vector<dyad::Sentence>& target) {
  for (auto& s : target) tagger.tag(s);
}

std::string provenance(const std::string& train, const std::string& dev, const std::string& what) {
  std::ostringstream p;
  p << "dyad " << DYAD_VERSION << "\ntrain: " << std::filesystem::path(train).filename().string()
    << "\ndev: " << std::filesystem::path(dev).filename().string() << "\n" << what;
  return p.str();
}

}  // namespace

namespace dyad {

int cmd_train(const std::vector<std::string>& args) {
  const char* kUsage =
      "dyad train TRAIN.conllu DEV.conllu [-o DIR] [--tagger-epochs N] [--parser-epochs N] "
      "[--folds K] [--seed S] [--prune W] [--min-updates N] [--only tagger|lemmatizer]";
  float prune = -1;
  int min_updates = -1;
  std::string only;
  std::string out_dir = "models";
  int tagger_epochs = 8, parser_epochs = 10, folds = 4;
  uint64_t seed = 1;
  const auto files = read_arguments(args, [&](const std::string& a, auto next_value) {
    if (a == "--only") {
      const std::string& v = next_value();
      if (v != "tagger" && v != "lemmatizer") return false;
      only = v;
    } else if (a == "--min-updates") {
      min_updates = std::stoi(next_value());
    } else if (a == "--prune") {
      prune = std::stof(next_value());
    } else if (a == "-o" || a == "--output") {
      out_dir = next_value();
    } else if (a == "--tagger-epochs" || a == "--parser-epochs" || a == "--folds" || a == "--seed") {
      const long long x = positive_count(next_value());
      if (a == "--tagger-epochs") tagger_epochs = static_cast<int>(x);
      else if (a == "--parser-epochs") parser_epochs = static_cast<int>(x);
      else if (a == "--folds") folds = static_cast<int>(x);
      else seed = static_cast<uint64_t>(x);
    } else {
      return false;
    }
    return true;
  });
  if (!files || files->size() != 2) return usage_error(kUsage);
  const std::string &train_path = (*files)[0], &dev_path = (*files)[1];
  try {
    const auto start = Clock::now();
    auto train_cs = dyad::read_conllu_file(train_path);
    auto dev_cs = dyad::read_conllu_file(dev_path);
    std::vector<dyad::Sentence> train = sentences_of(train_cs), dev = sentences_of(dev_cs);
    std::filesystem::create_directories(out_dir);
    std::cerr << "read " << train.size() << " training and " << dev.size() << " dev sentences\n";

    using namespace dyad::syntax;
    // Lemmatizer and features: tables from the gold training data.
    Lemmatizer lemmatizer = train_lemmatizer(train);
    lemmatizer.save(out_dir + "/" + kLemmatizerFile, provenance(train_path, dev_path, "lemmatizer: tables + suffix rules\n"));

    if (only == "lemmatizer") return 0;
    if (only == "tagger") folds = 1;
    // Jackknifed tags for the parser's training data (folds trained two at a time).
    TaggerTrainOptions topt;
    topt.epochs = tagger_epochs;
    topt.seed = seed;
    std::vector<dyad::Sentence> train_tagged = train;
    auto run_fold = [&](int f) {
      std::vector<dyad::Sentence> part;
      for (size_t i = 0; i < train.size(); ++i)
        if (static_cast<int>(i % folds) != f) part.push_back(train[i]);
      Tagger t = train_tagger(part, {}, topt);
      for (size_t i = f; i < train.size(); i += folds) t.tag(train_tagged[i]);
    };
    if (folds > 1) {
      for (int f = 0; f < folds; f += 2) {
        std::thread second;
        if (f + 1 < folds) second = std::thread(run_fold, f + 1);
        run_fold(f);
        if (second.joinable()) second.join();
      }
      std::cerr << "jackknifed tags (" << folds << " folds) after " << seconds_since(start) << " s\n";
    }
    topt.log = &std::cerr;
    Tagger tagger = train_tagger(train, dev, topt);
    std::ostringstream tp;
    tp << "tagger: averaged perceptron, epochs " << tagger_epochs << ", seed " << seed << "\n";
    tagger.save(out_dir + "/" + kTaggerFile, provenance(train_path, dev_path, tp.str()));
    std::cerr << "tagger trained after " << seconds_since(start) << " s\n";
    if (only == "tagger") return 0;

    std::vector<dyad::Sentence> dev_tagged = dev;
    retag(tagger, dev_tagged);
    ParserTrainOptions popt;
    popt.epochs = parser_epochs;
    popt.seed = seed;
    popt.log = &std::cerr;
    if (prune >= 0) popt.prune = prune;
    if (min_updates >= 0) popt.min_updates = static_cast<uint32_t>(min_updates);
    Parser parser = train_parser(train_tagged, dev_tagged, popt);
    std::ostringstream pp;
    pp << "parser: arc-hybrid, dynamic oracle, averaged perceptron, epochs " << parser_epochs
       << ", seed " << seed << ", jackknife folds " << folds << "\n";
    parser.save(out_dir + "/" + kParserFile, provenance(train_path, dev_path, pp.str()));
    std::cerr << "done in " << std::fixed << std::setprecision(1) << seconds_since(start) << " s; models in "
              << out_dir << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "dyad train: " << e.what() << "\n";
    return 1;
  }
}

int cmd_eval_parse(const std::vector<std::string>& args) {
  const char* kUsage = "dyad eval-parse GOLD.conllu [--models DIR] [--no-raw] [--output PRED.conllu] [--token-errors FILE]";
  std::string token_errors_path;
  std::string gold_path, output, models = dyad::syntax::Analyzer::default_model_dir();
  bool raw = true;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--models") {
      if (i + 1 >= args.size()) return usage_error(kUsage);
      models = args[++i];
    } else if (args[i] == "--output") {
      if (i + 1 >= args.size()) return usage_error(kUsage);
      output = args[++i];
    } else if (args[i] == "--token-errors") {
      if (i + 1 >= args.size()) return usage_error(kUsage);
      token_errors_path = args[++i];
    } else if (args[i] == "--no-raw") {
      raw = false;
    } else if (!args[i].empty() && args[i][0] == '-') {
      return usage_error(kUsage);
    } else if (gold_path.empty()) {
      gold_path = args[i];
    } else {
      return usage_error(kUsage);
    }
  }
  if (gold_path.empty()) return usage_error(kUsage);
  try {
    using namespace dyad::syntax;
    auto t0 = Clock::now();
    Analyzer analyzer = Analyzer::load(models);
    const double load_s = seconds_since(t0);
    auto gold = dyad::read_conllu_file(gold_path);
    std::vector<dyad::Sentence> predicted;
    GoldScores g = evaluate_gold_tokens(analyzer, gold, output.empty() ? nullptr : &predicted);
    if (!output.empty()) {
      std::ofstream out(output);
      for (size_t i = 0; i < predicted.size(); ++i)
        dyad::write_conllu(out, predicted[i], gold[i].sent_id, gold[i].text);
      if (!out) throw std::runtime_error("cannot write " + output);
    }
    std::cout << std::fixed << std::setprecision(2);
    std::cout << "gold tokenization: " << g.words << " words, " << gold.size() << " sentences\n"
              << "  UPOS   " << GoldScores::pct(g.upos, g.words) << "\n"
              << "  XPOS   " << GoldScores::pct(g.xpos, g.words) << "\n"
              << "  Lemma  " << GoldScores::pct(g.lemma, g.words) << "\n"
              << "  Feats  " << GoldScores::pct(g.feats, g.words) << "\n"
              << "  UAS    " << GoldScores::pct(g.uas, g.words) << "\n"
              << "  LAS    " << GoldScores::pct(g.las_universal, g.words)
              << "   (universal relations, CoNLL 2018)\n"
              << "  LAS    " << GoldScores::pct(g.las, g.words) << "   (full relations with subtypes)\n"
              << std::setprecision(0) << "  speed  " << g.words / std::max(g.seconds, 1e-9)
              << " tokens/s (tag+lemma+parse, one thread)\n"
              << std::setprecision(3) << "  load   " << load_s << " s\n";
    if (raw) {
      TextSegmenter seg;
      std::vector<std::string> token_errors;
      RawScores r = evaluate_raw_text(analyzer, std::cref(seg), gold,
                                      token_errors_path.empty() ? nullptr : &token_errors);
      if (!token_errors_path.empty()) {
        std::ofstream out(token_errors_path);
        for (const auto& line : token_errors) out << line << "\n";
      }
      std::cout << std::setprecision(2) << "raw text (" << r.gold_tokens << " gold / "
                << r.pred_tokens << " predicted tokens):\n"
                << "  Tokens    F1 " << RawScores::f1(r.matched_tokens, r.gold_tokens, r.pred_tokens) << "\n"
                << "  Sentences F1 "
                << RawScores::f1(r.matched_sentences, r.gold_sentences, r.pred_sentences) << "\n"
                << "  UPOS      F1 " << RawScores::f1(r.upos, r.gold_tokens, r.pred_tokens) << "\n"
                << "  UAS       F1 " << RawScores::f1(r.uas, r.gold_tokens, r.pred_tokens) << "\n"
                << "  LAS       F1 " << RawScores::f1(r.las, r.gold_tokens, r.pred_tokens) << "\n";
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "dyad eval-parse: " << e.what() << "\n";
    return 1;
  }
}

int cmd_parse(const std::vector<std::string>& args) {
  const char* kUsage = "dyad parse [--models DIR] [FILE...]   (.txt, or JSONL articles with \"doc_id\" and \"text\"; - = stdin)";
  std::string models = dyad::syntax::Analyzer::default_model_dir();
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--models") {
      if (i + 1 >= args.size()) return usage_error(kUsage);
      models = args[++i];
    } else if (args[i].size() > 1 && args[i][0] == '-') {
      return usage_error(kUsage);
    } else {
      files.push_back(args[i]);
    }
  }
  if (files.empty()) files.push_back("-");
  try {
    auto analyzer = dyad::syntax::Analyzer::load(models);
    TextSegmenter seg;
    int status = 0;
    for (const std::string& file : files) {
      dyad::ArticleReader reader(file, {});
      dyad::ArticleRecord rec;
      while (reader.next(rec)) {
        if (!rec.ok()) {
          std::cerr << file << ":" << rec.line << ": " << rec.error << "\n";
          status = 1;
          continue;
        }
        const std::string& text = rec.doc.text;
        std::cout << "# newdoc id = " << (rec.doc.id.empty() ? file : rec.doc.id) << "\n";
        int k = 0;
        for (dyad::Sentence& s : seg(text)) {
          if (s.tokens.empty()) continue;
          analyzer.analyze(s);
          const uint32_t b = s.tokens.front().span.begin, e = s.tokens.back().span.end;
          std::string id = (rec.doc.id.empty() ? std::string("s") : rec.doc.id) + "-" + std::to_string(++k);
          dyad::write_conllu(std::cout, s, id, std::string_view(text).substr(b, e - b));
        }
      }
    }
    return status;
  } catch (const std::exception& e) {
    std::cerr << "dyad parse: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace dyad
