#include "dyad/syntax/analyzer.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "dyad/syntax/lemmatizer.h"
#include "dyad/syntax/parser.h"
#include "dyad/syntax/tagger.h"

namespace dyad::syntax {

namespace {
std::string join(const std::string& dir, const char* file) {
  return (std::filesystem::path(dir) / file).string();
}
}  // namespace

Analyzer Analyzer::load(const std::string& model_dir) {
  if (!std::filesystem::is_directory(model_dir))
    throw std::runtime_error("syntax models: directory " + model_dir +
                             " not found (train them with scripts/train_models.sh)");
  Analyzer a;
  a.tagger_ = std::make_shared<const Tagger>(Tagger::load(join(model_dir, kTaggerFile)));
  a.lemmatizer_ =
      std::make_shared<const Lemmatizer>(Lemmatizer::load(join(model_dir, kLemmatizerFile)));
  a.parser_ = std::make_shared<const Parser>(Parser::load(join(model_dir, kParserFile)));
  return a;
}

bool Analyzer::available(const std::string& model_dir) {
  std::error_code ec;
  for (const char* f : {kTaggerFile, kLemmatizerFile, kParserFile})
    if (!std::filesystem::is_regular_file(join(model_dir, f), ec)) return false;
  return true;
}

std::string Analyzer::default_model_dir() {
  if (const char* env = std::getenv("DYAD_MODELS"); env && *env) return env;
#ifdef DYAD_SOURCE_DIR
  return std::string(DYAD_SOURCE_DIR) + "/models";
#else
  return "models";
#endif
}

void Analyzer::analyze(Sentence& s) const {
  if (s.tokens.empty()) return;
  tagger_->tag(s);
  lemmatizer_->lemmatize(s);
  parser_->parse(s);
  Lemmatizer::set_voice(s);
}

void Analyzer::analyze(Sentence& s, SyntaxTimes& times) const {
  if (s.tokens.empty()) return;
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  tagger_->tag(s);
  const auto t1 = Clock::now();
  lemmatizer_->lemmatize(s);
  const auto t2 = Clock::now();
  parser_->parse(s);
  Lemmatizer::set_voice(s);
  const auto t3 = Clock::now();
  times.tag += std::chrono::duration<double>(t1 - t0).count();
  times.lemma += std::chrono::duration<double>(t2 - t1).count();
  times.parse += std::chrono::duration<double>(t3 - t2).count();
}

}  // namespace dyad::syntax
