// Plain data that flows through dyad's stages:
// text -> sentences -> tokens -> tagged/parsed sentence -> mentions -> events.
// Every span is a pair of UTF-8 byte offsets into Document::text exactly as given.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dyad {

struct Span {
  uint32_t begin = 0, end = 0;
  uint32_t size() const { return end - begin; }
  bool operator==(const Span&) const = default;
};

struct Token {
  Span span;            // bytes of the original text
  std::string form;     // normalised surface form (curly quotes straightened...)
  std::string lemma;    // lower-case lemma
  std::string upos;     // UD universal POS ("NOUN"); empty until tagged
  std::string xpos;     // Penn tag ("NNS")
  std::string feats;    // UD features ("Tense=Past|VerbForm=Fin")
  int32_t head = -1;    // index of the head token in the sentence, -1 = root / unparsed
  std::string deprel;   // UD relation ("nsubj", "obl:tmod")
  bool space_after = true;
};

// An actor mention: tokens [first, last] coded as an actor.
struct Mention {
  uint32_t first = 0, last = 0;  // token indices, inclusive
  uint32_t head = 0;             // token index of the mention's head
  std::string code;              // full CAMEO actor code ("CHNGOV", "IGOUNO")
  std::string country;           // country/IGO part ("CHN", "IGOUNO")
  std::string role;              // role part ("GOV"), may be empty
  std::string entry;             // dictionary entry that coded it ("people.tsv:12")
  std::string resolved_from;     // antecedent text when resolved by coreference
  bool is_pronoun = false;        // pronoun or description resolved by coreference
  bool capital = false;           // a capital used as metonymy ("Beijing said")
};

// Where an event happened, as the sentence names it, resolved to a gazetteer place.
struct Location {
  std::string name;          // resolved place name ("Tianjin", "Red Sea", "Ukraine")
  std::string admin1;        // first-level region name when known ("Tianjin"), else empty
  std::string country;       // ISO 3166 alpha-3 ("CHN"), empty for places outside countries
  std::string kind;          // "city" | "country" | "region" | "sea" ...
  double lat = 0, lon = 0;
  bool has_coordinates = false;
  Span span;                 // bytes of the text that named it
};

enum class Modality : uint8_t { Asserted, Negated, Hypothetical };

struct Event {
  int32_t source = -1;     // index into Sentence::mentions, -1 = none
  int32_t target = -1;     // index into Sentence::mentions, -1 = none ("---")
  std::string code;        // CAMEO code ("042")
  uint32_t trigger_first = 0, trigger_last = 0;  // token indices
  std::string rule;        // pattern entry that produced it ("verbs.tsv:118")
  Modality modality = Modality::Asserted;
  std::string date;             // YYYY-MM-DD when the event happened; empty = unknown
  std::string date_resolution;  // "article" | "day" | "month" | "year" | "" (unknown)
  std::optional<Location> location;  // none when the text names no place
};

struct Sentence {
  Span span;
  std::vector<Token> tokens;
  std::vector<Mention> mentions;
  std::vector<Event> events;
  bool boilerplate = false;  // "Source link", hashtags: never coded
  // Leading tokens of a dateline ("QUITO, Ecuador (AP) --", "Damascus."): where the
  // story was filed, outside the sentence's grammar and naming no actor.
  uint32_t dateline_tokens = 0;
};

struct Document {
  std::string id;
  std::string date;        // YYYY-MM-DD, may be empty
  std::string text;        // exactly as given (after JSON unescaping, UTF-8 repaired)
  std::string passthrough; // other input fields as a JSON object text ("{}" if none)
  size_t line = 0;         // 1-based input line (0 for .txt files)
  std::vector<Sentence> sentences;
};

}  // namespace dyad
