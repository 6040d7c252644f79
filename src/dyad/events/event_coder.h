// Reads: Sentence::tokens (forms, lemmas when tagged), Sentence::mentions.
// Writes: Sentence::events.
// A pattern from the lexicon fires on its trigger; its source is the acting mention
// (subject, passive agent, possessor of a nominal trigger), its target the mention the
// pattern names ($) or the object; coordination, mutual actions, speech, negation and
// hypotheticals are handled here. One event per (source, target, root) per sentence.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dyad/core/document.h"
#include "dyad/events/future_codes.h"
#include "dyad/events/statement_cues.h"
#include "dyad/events/verb_lexicon.h"

namespace dyad {

// The events an article has reported so far and who took part, with the event noun
// they were named by, so that later sentences can refer back: "an Israeli air strike
// killed ..." then "the strike occurred after midnight" (ISR -> PSE again), "the meeting
// of the UN Security Council" then "countries that took part in the meeting" (-> IGOUNO).
struct EventMemory {
  struct Party {
    std::string code, country, role, text;
  };
  struct Entry {
    std::string noun;  // lemma of the event noun ("strike", "meeting"); "" for a verb alone
    std::string root;  // CAMEO root of its events ("19")
    std::optional<Party> source, target;
    size_t sentence = 0;
  };
  std::vector<Entry> entries;  // most recent last
  size_t sentences = 0;        // sentences coded so far
};

class EventCoder {
 public:
  // future: how acts in a certain future are coded; none = as hypothetical acts.
  // cues: words that make a statement's content criticism, threat...; none = plain 010.
  explicit EventCoder(const VerbLexicon* lexicon, const FutureCodes* future = nullptr,
                      const StatementCues* cues = nullptr)
      : lex_(lexicon), future_(future), cues_(cues) {}
  // A sentence on its own, with nothing before it.
  void code(Sentence& sentence) const {
    EventMemory fresh;
    code(sentence, fresh);
  }
  // A sentence of an article whose earlier sentences `memory` has seen; adds this one.
  void code(Sentence& sentence, EventMemory& memory) const;

 private:
  // The event noun a pattern names ("strike"; "meeting" in "take part in meeting"), or "".
  std::string event_noun(const EventPattern& p) const;
  // The root of the events a noun names on its own ("strike" -> "19"), or "".
  std::string noun_root(const std::string& lemma) const;
  const VerbLexicon* lex_;
  const FutureCodes* future_;
  const StatementCues* cues_;
};

}  // namespace dyad
