// Reads: Sentence::tokens (forms, lemmas when tagged), Sentence::mentions.
// Writes: Sentence::events.
// A pattern from the lexicon fires on its trigger; its source is the acting mention
// (subject, passive agent, possessor of a nominal trigger), its target the mention the
// pattern names ($) or the object; coordination, mutual actions, speech, negation and
// hypotheticals are handled here. One event per (source, target, root) per sentence.
#pragma once

#include "dyad/core/document.h"
#include "dyad/events/verb_lexicon.h"

namespace dyad {

class EventCoder {
 public:
  explicit EventCoder(const VerbLexicon* lexicon) : lex_(lexicon) {}
  void code(Sentence& sentence) const;

 private:
  const VerbLexicon* lex_;
};

}  // namespace dyad
