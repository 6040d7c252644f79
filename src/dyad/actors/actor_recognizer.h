// Reads: Sentence::tokens (forms; POS when tagged), the document date.
// Writes: Sentence::mentions.
// Dictionary matches are combined into full mentions: a country word with a role
// noun ("Russian forces", "China's foreign ministry" -> RUSMIL, CHNGOV), a role with an
// "of/for" country ("a spokesperson for the Chinese ministry"), titles with names
// ("Foreign Minister Wang Yi"). Pronouns and descriptions ("he", "the two countries")
// are resolved through a per-document Coreference memory: the subject pronoun of a
// clause under a verb of saying is the speaker ("Israel announced it would ...", "It
// added that ..." after a speaker's sentence); "the militants", "the Iran-backed group",
// "the ambassador" are the latest actor with that head word or role (armed groups for
// "the group"/"the movement"), and such a description gets no second, home-country code.
// "The two countries", "both sides" are the pair the article last named together; they
// take a role only when one is stated ("the leaders of the two countries" -> GOV) or, for
// "sides", when the article named either government; "their" after them is each of them.
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
  // People named as "then-president X": their code at that time, kept for later mentions.
  std::unordered_map<std::string, std::string> roles_then;
  // The country of the dateline ("QUITO, Ecuador (AP) --"): home of bare domestic
  // roles later in the article ("police", "the court", "protesters").
  std::string dateline_country;
  // The last two countries named together ("India and Pakistan") or resolved as a pair
  // ("the two nations"), for a later "both countries"; empty until then.
  std::vector<Antecedent> together;
  // The actor that spoke last ("The Indian army said ..."), for a next sentence that goes
  // on with "It added/stated ...": its code and whether it is a person or plural.
  Antecedent speaker;
  size_t speaker_sentence = static_cast<size_t>(-1);
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
