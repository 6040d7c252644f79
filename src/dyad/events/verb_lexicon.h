// The event lexicon (data/events/verbs.tsv + inflections.tsv): CAMEO patterns indexed
// by their trigger lemma, and the word forms each lemma takes in text.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dyad/core/document.h"
#include "dyad/events/codebook.h"

namespace dyad {

struct PatternElement {
  enum class Kind : uint8_t { Word, Target, Source };
  Kind kind = Kind::Word;
  std::string lemma;
};

struct EventPattern {
  std::string code;
  std::vector<PatternElement> elements;  // elements[0] is the trigger word
  bool noun = false, mutual = false, say = false, notarget = false, passive = false;
  bool adjective = false;  // an adjective predicate: "Russia is ready to continue the dialogue"
  bool adjacent = false;  // the slot follows the word before it closely ("called Xi", not "called the fall of Assad")
  std::string where;                     // "verbs.tsv:118"
  size_t words() const;                  // number of Word elements (specificity)
};

class VerbLexicon {
 public:
  // Throws std::runtime_error naming file:line.
  static VerbLexicon load(const std::string& verbs_path, const std::string& inflections_path,
                          const Codebook& codebook);
  static std::vector<std::string> check(const std::string& verbs_path, const std::string& inflections_path,
                                        const Codebook& codebook);

  void add(EventPattern p);
  void add_inflection(const std::string& lemma, const std::string& form);

  // Patterns whose trigger is `lemma`.
  const std::vector<uint32_t>& patterns_with_trigger(const std::string& lemma) const;
  const EventPattern& pattern(uint32_t i) const { return patterns_[i]; }
  size_t size() const { return patterns_.size(); }

  // Does the token stand for `lemma` (its parser lemma, or a known form of it)?
  bool matches(const Token& t, const std::string& folded_form, const std::string& lemma) const;
  // Every lexicon lemma the token can stand for.
  std::vector<std::string> lemmas_of(const Token& t, const std::string& folded_form) const;

  std::unordered_set<std::string> codes() const;

 private:
  void add_forms(const std::string& lemma);
  std::vector<EventPattern> patterns_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_trigger_;
  std::unordered_map<std::string, std::vector<std::string>> lemmas_by_form_;
  std::unordered_set<std::string> known_lemmas_;
};

// Regular inflections of an English verb or noun lemma ("stop" -> stops stopped stopping).
std::vector<std::string> regular_forms(const std::string& lemma);

}  // namespace dyad
