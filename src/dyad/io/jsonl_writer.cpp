// dyad's own JSON Lines: one object per event with every offset, the rule that coded
// it, codebook attributes, date (with its resolution) and location; the article's
// other input fields are passed through.
#include <nlohmann/json.hpp>

#include "dyad/io/event_writer.h"

namespace dyad {
namespace {

using nlohmann::ordered_json;

ordered_json string_or_null(const std::string& s) { return s.empty() ? ordered_json(nullptr) : ordered_json(s); }

ordered_json actor_json(const ActorFields& a) {
  if (!a.present) return nullptr;
  ordered_json j;
  j["code"] = a.code;
  j["country"] = a.country;
  j["role"] = a.role;
  j["text"] = a.text;
  j["start"] = a.start;
  j["end"] = a.end;
  j["entry"] = a.entry;
  if (!a.resolved_from.empty()) j["resolved_from"] = a.resolved_from;
  return j;
}

class JsonlWriter : public EventWriter {
 public:
  JsonlWriter(const Codebook* cb, WriterOptions o) : cb_(cb), o_(o) {}
  size_t write(const Document& d, std::ostream& out) override {
    const auto records = event_records(d, cb_, o_);
    if (records.empty()) return 0;
    const ordered_json extra = ordered_json::parse(d.passthrough.empty() ? "{}" : d.passthrough, nullptr, false);
    for (const EventRecord& r : records) {
      ordered_json j;
      j["doc_id"] = r.doc_id;
      j["event_id"] = r.event_id;
      j["date"] = string_or_null(r.date);
      j["date_resolution"] = string_or_null(r.date_resolution);
      j["sentence"] = {{"index", r.sentence_index}, {"start", r.sentence_start}, {"end", r.sentence_end},
                       {"text", r.sentence_text}};
      j["source"] = actor_json(r.source);
      j["target"] = actor_json(r.target);
      ordered_json ev;
      ev["code"] = r.code;
      ev["root"] = r.root;
      ev["label"] = r.label;
      ev["goldstein"] = r.has_codebook ? ordered_json(r.goldstein) : ordered_json(nullptr);
      ev["quad_class"] = r.has_codebook ? ordered_json(r.quad_class) : ordered_json(nullptr);
      ev["plover_category"] = string_or_null(r.plover_category);
      ev["plover_mode"] = string_or_null(r.plover_mode);
      ev["trigger"] = {{"text", r.trigger_text}, {"start", r.trigger_start}, {"end", r.trigger_end}};
      j["event"] = ev;
      j["location"] = location_json(r);
      j["rule"] = r.rule;
      if (r.modality != Modality::Asserted) j["modality"] = modality_name(r.modality);
      if (extra.is_object())
        for (auto it = extra.begin(); it != extra.end(); ++it)
          if (!j.contains(it.key())) j[it.key()] = it.value();
      out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
    return records.size();
  }

 private:
  static ordered_json location_json(const EventRecord& r) {
    if (!r.location) return nullptr;
    const Location& l = *r.location;
    ordered_json j;
    j["name"] = l.name;
    j["admin1"] = string_or_null(l.admin1);
    j["country"] = string_or_null(l.country);
    j["kind"] = string_or_null(l.kind);
    j["lat"] = l.has_coordinates ? ordered_json(l.lat) : ordered_json(nullptr);
    j["lon"] = l.has_coordinates ? ordered_json(l.lon) : ordered_json(nullptr);
    j["start"] = l.span.begin;
    j["end"] = l.span.end;
    return j;
  }

  const Codebook* cb_;
  WriterOptions o_;
};

}  // namespace

std::unique_ptr<EventWriter> make_jsonl_writer(const Codebook* cb, WriterOptions o) {
  return std::make_unique<JsonlWriter>(cb, o);
}

}  // namespace dyad
