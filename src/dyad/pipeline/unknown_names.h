// `dyad code --unknown-actors FILE`: names in the coded articles that no actor
// dictionary entry covers, counted over the run, as candidates for data/actors.
// With the named-entity recognizer (models/ner.bin) the names are its PER, ORG and LOC
// entities, typed; without it, runs of capitalised words (type "-").
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "dyad/actors/actor_dictionary.h"
#include "dyad/core/document.h"
#include "dyad/ner/entity_recognizer.h"

namespace dyad {

struct UnknownName {
  std::string name;     // as written ("Zorbat Quillan")
  std::string type;     // "PER", "ORG", "LOC"; "-" when found without the recognizer
  std::string sentence; // the sentence it was found in, on one line
};

class UnknownNameCollector {
 public:
  // `ner` may be null (capitalised runs instead); both must outlive the collector.
  UnknownNameCollector(const ActorDictionary* dictionary, const ner::EntityRecognizer* ner)
      : dictionary_(dictionary), ner_(ner) {}

  // The uncovered names of a coded document, in text order. Const: threads may call it.
  std::vector<UnknownName> find(const Document& doc) const;
  // Counts the names of one document; call in input order for a deterministic file.
  void add(const std::string& doc_id, const std::vector<UnknownName>& names);
  // Header line, then one row per name, most frequent first:
  // name, count, first doc_id, type (the most frequent one), first sentence.
  void write(std::ostream& out) const;

 private:
  struct Tally {
    size_t count = 0;
    std::map<std::string, size_t> types;
    std::string doc_id, sentence;
  };
  // Whether a dictionary alias other than a role word overlaps tokens [first, last].
  bool covered(const Sentence& s, uint32_t first, uint32_t last) const;

  const ActorDictionary* dictionary_;
  const ner::EntityRecognizer* ner_;
  std::map<std::string, Tally> names_;
};

}  // namespace dyad
