// Writers: turn coded documents into records. One format per file:
// jsonl_writer.cpp (dyad's own JSON Lines), tsv_writer.cpp (flat table),
// phoenix_writer.cpp (Phoenix/PETRARCH columns), plover_writer.cpp (PLOVER JSON).
// Every format takes its fields from EventRecord (io/event_record.h).
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "dyad/core/document.h"
#include "dyad/events/codebook.h"
#include "dyad/io/event_record.h"

namespace dyad {

class EventWriter {
 public:
  virtual ~EventWriter() = default;
  virtual void begin(std::ostream&) {}
  // Returns the number of events written.
  virtual size_t write(const Document& doc, std::ostream& out) = 0;

  // One of event_formats(); null for an unknown format.
  static std::unique_ptr<EventWriter> create(const std::string& format, const Codebook* codebook,
                                             WriterOptions options);
};

// "jsonl", "tsv", "phoenix", "plover": the values of `dyad code --format`.
const std::vector<std::string>& event_formats();

// Header rows of the tabular formats, in column order (documented in docs/EVENT_FORMATS.md).
const std::vector<std::string>& tsv_columns();
const std::vector<std::string>& phoenix_columns();
// Top-level fields of every PLOVER record, in order.
const std::vector<std::string>& plover_fields();

std::unique_ptr<EventWriter> make_jsonl_writer(const Codebook* codebook, WriterOptions options);
std::unique_ptr<EventWriter> make_tsv_writer(const Codebook* codebook, WriterOptions options);
std::unique_ptr<EventWriter> make_phoenix_writer(const Codebook* codebook, WriterOptions options);
std::unique_ptr<EventWriter> make_plover_writer(const Codebook* codebook, WriterOptions options);

// Shared number formatting: Goldstein with one decimal ("-10.0"), coordinates with
// up to five decimals and no trailing zeros ("39.1422").
std::string format_goldstein(double v);
std::string format_coordinate(double v);

}  // namespace dyad
