// The syntax stage as one object: tagger -> lemmatizer/features -> parser -> voice.
// Reads: Token::form (tokens already split). Writes: Token::upos, xpos, lemma, feats,
// head (index in the sentence, -1 = root) and deprel. A dateline (Sentence::dateline_tokens)
// is analysed apart and its head attached to the sentence's root as "dep".
// Const after load: several threads may share one Analyzer.
#pragma once

#include <memory>
#include <string>

#include "dyad/core/document.h"

namespace dyad::syntax {

class Tagger;
class Lemmatizer;
class Parser;

inline constexpr const char* kTaggerFile = "tagger.bin";
inline constexpr const char* kLemmatizerFile = "lemmatizer.bin";
inline constexpr const char* kParserFile = "parser.bin";

// Seconds spent in each step of analyze(), accumulated (for stage timing).
struct SyntaxTimes {
  double tag = 0, lemma = 0, parse = 0;
};

class Analyzer {
 public:
  // Loads the three model files from model_dir. Throws std::runtime_error with a
  // message naming the file on a missing, truncated, corrupted or other-version model.
  static Analyzer load(const std::string& model_dir);
  // True when the three model files exist (it does not validate them).
  static bool available(const std::string& model_dir);
  // $DYAD_MODELS when set, else the source tree's models/ directory.
  static std::string default_model_dir();

  void analyze(Sentence& s) const;
  // The same, adding the time of each step to *times.
  void analyze(Sentence& s, SyntaxTimes& times) const;

  const Tagger& tagger() const { return *tagger_; }
  const Lemmatizer& lemmatizer() const { return *lemmatizer_; }
  const Parser& parser() const { return *parser_; }

 private:
  void analyze(Sentence& s, SyntaxTimes* times) const;
  void analyze_tokens(Sentence& s, SyntaxTimes* times) const;

  std::shared_ptr<const Tagger> tagger_;
  std::shared_ptr<const Lemmatizer> lemmatizer_;
  std::shared_ptr<const Parser> parser_;
};

}  // namespace dyad::syntax
