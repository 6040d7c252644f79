// Flat TSV: a header row then one event per line, ready for R, pandas or a spreadsheet.
// Tabs and line breaks inside fields become spaces; "---" marks a missing actor.
#include <sstream>

#include "dyad/io/event_writer.h"

namespace dyad {
namespace {

class TsvWriter : public EventWriter {
 public:
  TsvWriter(const Codebook* cb, WriterOptions o) : cb_(cb), o_(o) {}
  void begin(std::ostream& out) override {
    const auto& cols = tsv_columns();
    for (size_t i = 0; i < cols.size(); ++i) out << (i ? "\t" : "") << cols[i];
    out << '\n';
  }
  size_t write(const Document& d, std::ostream& out) override {
    const auto records = event_records(d, cb_, o_);
    for (const EventRecord& r : records) {
      auto actor = [](const ActorFields& a) {
        if (!a.present) return std::string("---\t\t\t");
        return a.code + "\t" + a.country + "\t" + a.role + "\t" + tsv_field(a.text);
      };
      const Location* l = r.location ? &*r.location : nullptr;
      const bool coords = l && l->has_coordinates;
      out << tsv_field(r.doc_id) << '\t' << tsv_field(r.event_id) << '\t' << r.date << '\t' << r.date_resolution
          << '\t' << r.sentence_index << '\t' << r.sentence_start << '\t' << r.sentence_end << '\t'
          << actor(r.source) << '\t' << actor(r.target) << '\t' << r.code << '\t' << r.root << '\t'
          << tsv_field(r.label) << '\t' << (r.has_codebook ? format_goldstein(r.goldstein) : "") << '\t'
          << (r.has_codebook ? std::to_string(r.quad_class) : "") << '\t' << r.plover_category << '\t'
          << r.plover_mode << '\t' << tsv_field(r.trigger_text) << '\t' << modality_name(r.modality) << '\t'
          << r.rule << '\t' << (l ? tsv_field(l->name) : "") << '\t' << (l ? tsv_field(l->admin1) : "") << '\t'
          << (l ? l->country : "") << '\t' << (l ? l->kind : "") << '\t' << (coords ? format_coordinate(l->lat) : "")
          << '\t' << (coords ? format_coordinate(l->lon) : "") << '\t' << tsv_field(r.sentence_text) << '\n';
    }
    return records.size();
  }

 private:
  const Codebook* cb_;
  WriterOptions o_;
};

}  // namespace

const std::vector<std::string>& tsv_columns() {
  static const std::vector<std::string> cols = {
      "doc_id",         "event_id",       "date",           "date_resolution", "sentence_index",
      "sentence_start", "sentence_end",   "source_code",    "source_country",  "source_role",
      "source_text",    "target_code",    "target_country", "target_role",     "target_text",
      "event_code",     "event_root",     "event_label",    "goldstein",       "quad_class",
      "plover_category", "plover_mode",   "trigger",        "modality",        "rule",
      "location_name",  "location_admin1", "location_country", "location_kind", "lat",
      "lon",            "sentence_text"};
  return cols;
}

std::unique_ptr<EventWriter> make_tsv_writer(const Codebook* cb, WriterOptions o) {
  return std::make_unique<TsvWriter>(cb, o);
}

}  // namespace dyad
