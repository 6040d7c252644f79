// Lemmatizer and morphological features.
// Lemma: a lookup table (form, XPOS) from training, then the longest learned suffix
// rule keyed by (XPOS, form suffix) ("-ied"/VBD -> "-y"); proper nouns keep their case,
// other lemmas are lower-cased (UD English conventions: "forces" -> force, "US" -> US).
// Features: the most frequent FEATS of (lower-cased form, XPOS, UPOS) in training,
// else of (XPOS, UPOS); after parsing, set_voice() marks passive participles.
// Reads: Token::form, xpos, upos (and head/deprel for set_voice). Writes: lemma, feats.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/core/document.h"

namespace dyad::syntax {

class Lemmatizer {
 public:
  struct Rule {
    uint32_t strip = 0;
    std::string append;
  };
  struct Data {
    std::unordered_map<std::string, std::string> exact;    // form \t xpos -> lemma
    std::unordered_map<std::string, std::string> lowered;  // lower form \t xpos -> lemma
    std::unordered_map<std::string, uint32_t> suffix_rule; // xpos \t suffix -> rule index
    std::vector<Rule> rules;
    std::unordered_map<std::string, bool> keep_case;       // xpos -> keep the form's case
    std::unordered_map<std::string, std::string> feats_exact;  // lower \t xpos \t upos
    std::unordered_map<std::string, std::string> feats_tag;    // xpos \t upos
  };
  static constexpr int kMaxSuffix = 6;

  Lemmatizer() = default;
  explicit Lemmatizer(Data data) : d_(std::move(data)) {}

  // Throws std::runtime_error naming the file when it is missing or bad.
  static Lemmatizer load(const std::string& path);
  void save(const std::string& path, const std::string& provenance) const;

  std::string lemma(std::string_view form, std::string_view xpos) const;
  std::string feats(std::string_view form, std::string_view xpos, std::string_view upos) const;
  void lemmatize(Sentence& s) const;
  // After parsing: adds Voice=Pass to participles with an aux:pass or nsubj:pass
  // dependent, removes it from others.
  static void set_voice(Sentence& s);

 private:
  Data d_;
};

// Applies a rule to a form (bytes).
std::string apply_lemma_rule(std::string_view form, const Lemmatizer::Rule& rule);

}  // namespace dyad::syntax
