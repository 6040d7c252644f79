#include "dyad/pipeline/resources.h"

#include "dyad/ner/org_cues.h"

#include <cstdlib>
#include <filesystem>
#include <future>
#include <stdexcept>

#include "dyad/syntax/analyzer.h"

namespace dyad {

std::string default_data_dir() {
  if (const char* d = std::getenv("DYAD_DATA")) return d;
  return std::string(DYAD_SOURCE_DIR) + "/data";
}

std::string default_models_dir() {
  if (const char* d = std::getenv("DYAD_MODELS")) return d;
  return std::string(DYAD_SOURCE_DIR) + "/models";
}

std::unique_ptr<Resources> Resources::load(const std::string& data_dir, const std::string& models_dir,
                                           bool require_models) {
  if (!std::filesystem::is_directory(data_dir))
    throw std::runtime_error("data folder not found: " + data_dir + " (use --data DIR)");
  auto r = std::make_unique<Resources>();
  r->abbreviations = Abbreviations::load(data_dir + "/text/abbreviations.tsv");
  r->splitter = std::make_unique<SentenceSplitter>(
      &r->abbreviations, SentenceSplitter::load_boilerplate(data_dir + "/text/boilerplate.tsv"));
  r->tokenizer = std::make_unique<Tokenizer>(&r->abbreviations);
  // The gazetteer (libgeonames' 24,000 cities) loads on a second thread meanwhile.
  auto context = std::async(std::launch::async, [&] { return EventContext::load(data_dir, *r->tokenizer); });
  r->actors = ActorDictionary::load(data_dir + "/actors", *r->tokenizer);
  r->recognizer = std::make_unique<ActorRecognizer>(&r->actors);
  r->codebook = Codebook::load(data_dir + "/events/codebook.tsv");
  r->lexicon = VerbLexicon::load(data_dir + "/events/verbs.tsv", data_dir + "/events/inflections.tsv",
                                 r->codebook);
  r->future_codes = FutureCodes::load(data_dir + "/events/future_codes.tsv", r->codebook);
  r->statement_cues = StatementCues::load(data_dir + "/events/statement_cues.tsv", r->codebook);
  r->coder = std::make_unique<EventCoder>(&r->lexicon, &r->future_codes, &r->statement_cues);
  if (syntax::Analyzer::available(models_dir))
    r->analyzer = std::make_shared<const syntax::Analyzer>(syntax::Analyzer::load(models_dir));
  else if (require_models)
    throw std::runtime_error("no tagger/parser model in " + models_dir + " (scripts/train_models.sh trains them)");
  r->context = context.get();
  return r;
}

std::vector<std::string> check_data(const std::string& data_dir) {
  std::vector<std::string> problems;
  auto guard = [&](auto&& fn) {
    try {
      fn();
    } catch (const std::exception& e) {
      problems.push_back(e.what());
    }
  };
  Abbreviations abbreviations;
  guard([&] { abbreviations = Abbreviations::load(data_dir + "/text/abbreviations.tsv"); });
  guard([&] { SentenceSplitter::load_boilerplate(data_dir + "/text/boilerplate.tsv"); });
  Tokenizer tokenizer(&abbreviations);
  guard([&] {
    for (auto& p : ActorDictionary::check(data_dir + "/actors", tokenizer)) problems.push_back(p);
  });
  Codebook codebook;
  guard([&] { codebook = Codebook::load(data_dir + "/events/codebook.tsv"); });
  guard([&] {
    for (auto& p : VerbLexicon::check(data_dir + "/events/verbs.tsv", data_dir + "/events/inflections.tsv", codebook))
      problems.push_back(p);
  });
  guard([&] {
    for (auto& p : FutureCodes::check(data_dir + "/events/future_codes.tsv", codebook)) problems.push_back(p);
  });
  guard([&] {
    for (auto& p : StatementCues::check(data_dir + "/events/statement_cues.tsv", codebook)) problems.push_back(p);
  });
  guard([&] {
    for (auto& p : EventContext::check(data_dir, tokenizer)) problems.push_back(p);
  });
  guard([&] { ner::read_org_cues(data_dir + "/" + ner::kOrgCuesFile); });
  return problems;
}

}  // namespace dyad
