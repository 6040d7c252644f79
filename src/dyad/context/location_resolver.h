// Where an event happened: the place its sentence names for it, from the Gazetteer.
//
// Reads: Document::text, Sentence::tokens (form, upos, head, deprel), Sentence::mentions,
// Event::trigger_first. Writes: Event::location.
//
// A place name in a sentence is a candidate when it stands in a locative phrase
// (a `locative` preposition of data/geo/words.tsv governs it: "talks in Beijing",
// "clashes near Goma") or when it is no actor (a city that is no seat of government,
// a sea, a region: "the Gaza civil defense agency"). A country or capital that is an
// actor mention outside a locative phrase ("Beijing said", "Iran agreed") is the actor,
// not the place. Names inside a person or organisation mention never count, nor
// modifiers ("US-flagged"); a possessor ("in Turkey's Istanbul") is no locative.
// For each event, in order:
//   1. the locative candidate in the trigger's clause nearest the trigger;
//   2. the sentence's first locative candidate, else its first candidate;
//   3. the article's dateline city ("KYIV, Ukraine (AP) —"), where it was reported,
//      when the event involves the dateline's country or no country at all;
//   4. none (std::nullopt).
// A city name with places in several countries takes the best-ranked one (Gazetteer),
// unless a country the sentence names has one of at least a twentieth of its population.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "dyad/context/gazetteer.h"
#include "dyad/core/document.h"

namespace dyad {

class LocationResolver {
 public:
  explicit LocationResolver(const Gazetteer* gazetteer) : g_(gazetteer) {}

  struct Dateline {
    std::optional<Location> location;
    uint32_t end = 0;  // byte offset where the dateline ends (0: none)
  };
  // "PORT-AU-PRINCE, Haiti —", "BANGKOK (AP) —", "QUITO, Ecuador (AP) —" at the start of
  // the article's first sentence.
  Dateline dateline(const Document& doc) const;

  struct Candidate {
    uint32_t first = 0, last = 0, head = 0;  // tokens
    uint32_t place = 0;                      // Gazetteer place id
    bool locative = false;
  };
  // The place candidates of a sentence, in text order (tokens before `skip_before`, a
  // byte offset, are left out: the dateline).
  void find(const Sentence& s, std::vector<Candidate>& out, uint32_t skip_before = 0) const;

  // Sets Event::location of every event of s.
  void resolve(Sentence& s, const Dateline& dateline) const;

  Location to_location(const Sentence& s, const Candidate& c) const;

 private:
  const Gazetteer* g_;
};

}  // namespace dyad
