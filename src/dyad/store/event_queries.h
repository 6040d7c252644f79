// Read-side queries on the event store: the one-a-day filter (`dyad dedup`) and the
// events of a dyad (`dyad series`). SQL lives here so that commands stay small.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "dyad/store/event_store.h"

namespace dyad {

// The classic one-a-day filter: events with the same date, source actor code, target
// actor code and CAMEO code count once. The event kept is the first by (doc_id,
// sentence_index, event_index); n_events says how many it stands for. Undated events
// are never merged (no day to compare).
std::string one_a_day_sql();

// Columns `dyad dedup` writes, in order.
const std::vector<std::string>& dedup_columns();

struct DedupCounts {
  size_t events = 0, kept = 0;
};
// Writes the one-a-day events as TSV (header + rows, ordered by date, source, target, code).
DedupCounts write_one_a_day(EventStore& store, std::ostream& out);

// A dyad to select: source and target country codes ("USA", "IGOUNO"), empty = any
// ("*" on the command line); directed unless both_directions.
struct DyadFilter {
  std::string source, target;
  bool both_directions = false;
};

// Parses "USA-CHN", "USA-*", "*-CHN" (case-insensitive; codes of 3 to 6 letters or
// digits); nullopt for anything else.
std::optional<DyadFilter> parse_dyad(const std::string& text);

struct EventPoint {
  std::string date;  // YYYY-MM-DD; empty when the event has no date
  int quad_class = 0;
  double goldstein = 0;
};

// Every event of the dyad that has a codebook entry, optionally one-a-day filtered.
std::vector<EventPoint> dyad_events(EventStore& store, const DyadFilter& dyad, bool one_a_day);

}  // namespace dyad
