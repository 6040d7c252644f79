// Reads: Sentence::tokens (forms; POS when tagged), the document date.
// Writes: Sentence::mentions.
// Dictionary matches are combined into full mentions: a country word with a role
// noun ("Russian forces", "China's foreign ministry" -> RUSMIL, CHNGOV), a role with an
// "of/for" country ("a spokesperson for the Chinese ministry"), titles with names
// ("Foreign Minister Wang Yi"). Pronouns and descriptions ("he", "the two countries")
// are resolved through a per-document Coreference memory.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "dyad/actors/actor_dictionary.h"
#include "dyad/core/document.h"

namespace dyad {

// What the article has mentioned so far, for pronouns and descriptions.
struct Coreference {
  struct Antecedent {
    std::string code, text;
    bool human = false;
    bool plural = false;
    bool place = false;   // named as a place ("the war in Ukraine"), not as a party
    size_t sentence = 0;  // index of the sentence it was mentioned in
  };
  std::vector<Antecedent> history;  // most recent last
  size_t sentences = 0;             // sentences recognised so far
  // Names first seen with a title ("spokesman Mahmud Bassal" -> "bassal": PSEGOV), so
  // that a later bare surname is coded too.
  std::unordered_map<std::string, std::string> names;
  // The country of the dateline ("QUITO, Ecuador (AP) --"): home of bare domestic
  // roles later in the article ("police", "the court", "protesters").
  std::string dateline_country;
};

class ActorRecognizer {
 public:
  explicit ActorRecognizer(const ActorDictionary* dictionary) : dict_(dictionary) {}

  void recognize(std::string_view text, Sentence& sentence, const std::string& date,
                 Coreference& coref) const;

 private:
  const ActorDictionary* dict_;
};

}  // namespace dyad
