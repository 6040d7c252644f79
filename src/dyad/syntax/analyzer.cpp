#include "dyad/syntax/analyzer.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iterator>
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
  analyze(s, nullptr);
}

void Analyzer::analyze(Sentence& s, SyntaxTimes& times) const {
  analyze(s, &times);
}

void Analyzer::analyze(Sentence& s, SyntaxTimes* times) const {
  const size_t d = s.dateline_tokens;
  if (d == 0 || d >= s.tokens.size()) {
    analyze_tokens(s, times);
    return;
  }
  // "TEHRAN (Tasnim) -- Indian and Pakistani troops exchanged gunfire": read as one
  // sentence, the dateline takes the subject's place and the verb becomes a modifier.
  Sentence dateline, body;
  dateline.tokens.assign(std::make_move_iterator(s.tokens.begin()),
                         std::make_move_iterator(s.tokens.begin() + static_cast<std::ptrdiff_t>(d)));
  body.tokens.assign(std::make_move_iterator(s.tokens.begin() + static_cast<std::ptrdiff_t>(d)),
                     std::make_move_iterator(s.tokens.end()));
  analyze_tokens(dateline, times);
  analyze_tokens(body, times);
  int body_root = -1;
  for (size_t i = 0; i < body.tokens.size() && body_root < 0; ++i)
    if (body.tokens[i].head < 0) body_root = static_cast<int>(i);
  s.tokens.clear();
  for (Token& t : dateline.tokens) {
    if (t.head < 0) {
      t.head = body_root + static_cast<int>(d);
      t.deprel = "dep";
    }
    s.tokens.push_back(std::move(t));
  }
  for (Token& t : body.tokens) {
    if (t.head >= 0) t.head += static_cast<int>(d);
    s.tokens.push_back(std::move(t));
  }
}

void Analyzer::analyze_tokens(Sentence& s, SyntaxTimes* times) const {
  if (s.tokens.empty()) return;
  if (!times) {
    tagger_->tag(s);
    lemmatizer_->lemmatize(s);
    parser_->parse(s);
    Lemmatizer::set_voice(s);
    return;
  }
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  tagger_->tag(s);
  const auto t1 = Clock::now();
  lemmatizer_->lemmatize(s);
  const auto t2 = Clock::now();
  parser_->parse(s);
  Lemmatizer::set_voice(s);
  const auto t3 = Clock::now();
  times->tag += std::chrono::duration<double>(t1 - t0).count();
  times->lemma += std::chrono::duration<double>(t2 - t1).count();
  times->parse += std::chrono::duration<double>(t3 - t2).count();
}

}  // namespace dyad::syntax
