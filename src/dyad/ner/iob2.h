// Reading IOB2 files as Universal NER ships them: "# " comment lines, one token a line
// (index TAB form TAB tag [TAB ...]), a blank line between sentences. Tags are O, B-X
// and I-X with X in PER/ORG/LOC/OTH; UNER's stray "B-O" reads as O.
#pragma once

#include <string>
#include <vector>

#include "dyad/core/document.h"
#include "dyad/ner/entity_types.h"

namespace dyad::ner {

struct LabeledSentence {
  Sentence sentence;                  // Token::form only (spans are 0)
  std::vector<EntitySpan> entities;   // gold, OTH included, in token order
};

// Throws std::runtime_error "file:line: reason" on a malformed line or unknown tag.
std::vector<LabeledSentence> read_iob2_string(const std::string& text, const std::string& name);
std::vector<LabeledSentence> read_iob2_file(const std::string& path);

}  // namespace dyad::ner
