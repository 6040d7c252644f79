// Writers: turn coded documents into records (JSON Lines, TSV).
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "dyad/core/document.h"
#include "dyad/events/codebook.h"

namespace dyad {

struct WriterOptions {
  bool modal = false;  // also write negated / hypothetical events, flagged
};

class EventWriter {
 public:
  virtual ~EventWriter() = default;
  virtual void begin(std::ostream&) {}
  // Returns the number of events written.
  virtual size_t write(const Document& doc, std::ostream& out) = 0;

  // "jsonl" | "tsv"; null for an unknown format.
  static std::unique_ptr<EventWriter> create(const std::string& format, const Codebook* codebook,
                                             WriterOptions options);
};

bool should_write(const Event& e, const WriterOptions& options);

}  // namespace dyad
