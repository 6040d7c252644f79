// `dyad code`: streams articles from the inputs through the DocumentCoder on N
// threads and writes events in input order (same bytes whatever N). Memory stays
// bounded: articles are read, coded and written in batches.
#pragma once

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "dyad/io/article_reader.h"
#include "dyad/io/event_writer.h"
#include "dyad/ner/entity_recognizer.h"
#include "dyad/pipeline/resources.h"
#include "dyad/store/event_store.h"

namespace dyad {

struct RunOptions {
  std::vector<std::string> inputs;  // "-" = stdin
  std::string format = "jsonl";
  unsigned threads = 1;
  ReaderOptions reader;
  WriterOptions writer;
  bool progress = false;            // progress line on stderr
  std::string unknown_actors_path;  // --unknown-actors: names the dictionaries lack
  const ner::EntityRecognizer* ner = nullptr;  // finds those names; null: capitalised runs
  EventStore* store = nullptr;      // --db: also store each article's events (replacing earlier ones)
  double article_timeout = 10;      // --article-timeout: seconds per article, 0 = no limit
};

struct Failure {
  std::string source;
  size_t line = 0;
  std::string doc_id, reason;
};

struct RunReport {
  size_t articles_read = 0, articles_coded = 0, articles_failed = 0;
  size_t sentences = 0, tokens = 0, events = 0, warnings = 0;
  size_t articles_stored = 0;
  std::string store_error;  // the first --db error; storing stops there
  double seconds = 0;
  // DYAD_STAGE_TIMES=1: seconds per stage (split, tag, lemma, parse, actors, events,
  // context), summed over threads; empty otherwise.
  std::vector<std::pair<std::string, double>> stage_seconds;
  std::vector<Failure> failures;
  std::string summary() const;
  std::string to_json() const;  // --report: counts, every failure with its line and reason
};

// Failures and warnings are written to `log` as they happen.
RunReport run_coding(const Resources& resources, const RunOptions& options, std::ostream& out, std::ostream& log);

}  // namespace dyad
