// PLOVER JSON Lines: one object per event in the PLOVER ontology's terms (event
// category, mode, contexts) with dyad's actor codes. CAMEO codes that PLOVER drops
// (01x statements, 02x appeals: no PLOVER category in the codebook) are not written,
// because a PLOVER dataset has no category for them.
#include <nlohmann/json.hpp>

#include "dyad/io/event_writer.h"

namespace dyad {
namespace {

using nlohmann::ordered_json;

ordered_json string_or_null(const std::string& s) { return s.empty() ? ordered_json(nullptr) : ordered_json(s); }

class PloverWriter : public EventWriter {
 public:
  PloverWriter(const Codebook* cb, WriterOptions o) : cb_(cb), o_(o) {}
  size_t write(const Document& d, std::ostream& out) override {
    size_t written = 0;
    std::string url;
    const auto extra = ordered_json::parse(d.passthrough.empty() ? "{}" : d.passthrough, nullptr, false);
    if (extra.is_object() && extra.contains("url") && extra["url"].is_string()) url = extra["url"];
    for (const EventRecord& r : event_records(d, cb_, o_)) {
      if (r.plover_category.empty()) continue;
      const CodebookEntry* c = cb_ ? cb_->find(r.code) : nullptr;
      ordered_json j;
      j["id"] = r.event_id;
      j["date"] = string_or_null(r.date);
      j["date_resolution"] = string_or_null(r.date_resolution);
      j["actor"] = r.source.present ? ordered_json(r.source.code) : ordered_json(nullptr);
      j["recipient"] = r.target.present ? ordered_json(r.target.code) : ordered_json(nullptr);
      // A CAMEO root may map to two PLOVER categories ("CONCEDE|RETREAT" for 08): the
      // first is written; the more specific codes map to one.
      j["event"] = r.plover_category.substr(0, r.plover_category.find('|'));
      j["mode"] = string_or_null(r.plover_mode);
      j["context"] = c ? ordered_json(c->plover_contexts) : ordered_json::array();
      j["event_text"] = r.sentence_text;
      j["event_loc"] = location_json(r);
      j["quad_code"] = r.quad_class;
      j["goldstein"] = r.goldstein;
      j["cameo_code"] = r.code;
      j["actor_text"] = r.source.present ? ordered_json(r.source.text) : ordered_json(nullptr);
      j["recipient_text"] = r.target.present ? ordered_json(r.target.text) : ordered_json(nullptr);
      j["trigger_text"] = r.trigger_text;
      j["doc_id"] = r.doc_id;
      j["sentence_index"] = r.sentence_index;
      j["url"] = string_or_null(url);
      out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      ++written;
    }
    return written;
  }

 private:
  static ordered_json location_json(const EventRecord& r) {
    if (!r.location) return nullptr;
    const Location& l = *r.location;
    return {{"name", l.name},
            {"admin1", string_or_null(l.admin1)},
            {"country", string_or_null(l.country)},
            {"kind", string_or_null(l.kind)},
            {"lat", l.has_coordinates ? ordered_json(l.lat) : ordered_json(nullptr)},
            {"lon", l.has_coordinates ? ordered_json(l.lon) : ordered_json(nullptr)}};
  }

  const Codebook* cb_;
  WriterOptions o_;
};

}  // namespace

const std::vector<std::string>& plover_fields() {
  static const std::vector<std::string> fields = {
      "id",         "date",      "date_resolution", "actor",      "recipient",  "event",
      "mode",       "context",   "event_text",      "event_loc",  "quad_code",  "goldstein",
      "cameo_code", "actor_text", "recipient_text", "trigger_text", "doc_id",   "sentence_index",
      "url"};
  return fields;
}

std::unique_ptr<EventWriter> make_plover_writer(const Codebook* cb, WriterOptions o) {
  return std::make_unique<PloverWriter>(cb, o);
}

}  // namespace dyad
