// One coded event flattened into the fields every output shares (writers, the SQLite
// store): actors as text, codebook attributes, the event's date with its resolution,
// and its location. Built once per event so that every format says the same thing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dyad/core/document.h"
#include "dyad/events/codebook.h"

namespace dyad {

struct WriterOptions {
  bool modal = false;  // also write negated / hypothetical events, flagged
};

// True when the event belongs in the output (asserted, or any modality with --modal).
bool should_write(const Event& e, const WriterOptions& options);

struct ActorFields {
  bool present = false;  // false = no actor ("---")
  std::string code, country, role, text, entry, resolved_from;
  uint32_t start = 0, end = 0;  // byte offsets into the article text
};

struct EventRecord {
  std::string doc_id, event_id;  // event_id = doc_id-sentence-event
  size_t sentence_index = 0, event_index = 0;
  // The event's own date when the coder resolved one, else the article's date
  // (date_resolution "article"); both empty when neither is known.
  std::string date, date_resolution;
  std::string article_date;
  uint32_t sentence_start = 0, sentence_end = 0;
  std::string sentence_text;
  ActorFields source, target;
  std::string code, root;  // CAMEO code and its two-digit root
  // From the codebook; has_codebook is false for a code the codebook lacks.
  bool has_codebook = false;
  std::string label, plover_category, plover_mode;
  double goldstein = 0;
  int quad_class = 0;
  std::string trigger_text;
  uint32_t trigger_start = 0, trigger_end = 0;
  std::string rule;
  Modality modality = Modality::Asserted;
  std::optional<Location> location;
};

const char* modality_name(Modality m);

// The records of every event of `doc` that `options` lets through, in document order.
std::vector<EventRecord> event_records(const Document& doc, const Codebook* codebook, const WriterOptions& options);

// A copy of `s` safe as one TSV field: tabs and line breaks become spaces.
std::string tsv_field(std::string s);

}  // namespace dyad
