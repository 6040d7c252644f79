// Phoenix/PETRARCH columns (the Phoenix real-time dataset's layout), so that code
// written for Phoenix reads dyad's output unchanged. Differences from Phoenix, all
// documented in docs/EVENT_FORMATS.md: a header row is written; SourceActorAttribute
// and Issues are empty (dyad codes neither); QuadClass is dyad's 1-4 quad class.
#include <nlohmann/json.hpp>

#include "dyad/io/event_writer.h"

namespace dyad {
namespace {

// The first string (or array of strings, joined with ';') among `keys` in the
// article's passed-through input fields.
std::string passthrough_field(const nlohmann::json& extra, std::initializer_list<const char*> keys) {
  if (!extra.is_object()) return "";
  for (const char* k : keys) {
    auto it = extra.find(k);
    if (it == extra.end()) continue;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_array()) {
      std::string joined;
      for (const auto& v : *it)
        if (v.is_string()) {
          if (!joined.empty()) joined += ';';
          joined += v.get<std::string>();
        }
      return joined;
    }
  }
  return "";
}

class PhoenixWriter : public EventWriter {
 public:
  PhoenixWriter(const Codebook* cb, WriterOptions o) : cb_(cb), o_(o) {}
  void begin(std::ostream& out) override {
    const auto& cols = phoenix_columns();
    for (size_t i = 0; i < cols.size(); ++i) out << (i ? "\t" : "") << cols[i];
    out << '\n';
  }
  size_t write(const Document& d, std::ostream& out) override {
    const auto records = event_records(d, cb_, o_);
    if (records.empty()) return 0;
    const auto extra = nlohmann::json::parse(d.passthrough.empty() ? "{}" : d.passthrough, nullptr, false);
    const std::string urls = tsv_field(passthrough_field(extra, {"url", "urls", "source_url"}));
    const std::string sources = tsv_field(passthrough_field(extra, {"news_source", "source", "publisher", "outlet"}));
    for (const EventRecord& r : records) {
      // Dates are YYYY-MM-DD; Phoenix writes YYYYMMDD and the parts.
      const bool dated = r.date.size() == 10;
      const std::string year = dated ? r.date.substr(0, 4) : "", month = dated ? r.date.substr(5, 2) : "",
                        day = dated ? r.date.substr(8, 2) : "";
      auto actor = [](const ActorFields& a) {
        if (!a.present) return std::string("---\t\t\t");
        return a.code + "\t" + a.country + "\t" + a.role + "\t";  // attribute: not coded
      };
      const Location* l = r.location ? &*r.location : nullptr;
      const bool coords = l && l->has_coordinates;
      out << tsv_field(r.event_id) << '\t' << year << month << day << '\t' << year << '\t' << month << '\t' << day
          << '\t' << actor(r.source) << '\t' << actor(r.target) << '\t' << r.code << '\t' << r.root << '\t'
          << (r.has_codebook ? std::to_string(r.quad_class) : "") << '\t'
          << (r.has_codebook ? format_goldstein(r.goldstein) : "") << '\t'  // GoldsteinScore
          << "" << '\t'                                                      // Issues: not coded
          << (coords ? format_coordinate(l->lat) : "") << '\t' << (coords ? format_coordinate(l->lon) : "") << '\t'
          << (l ? tsv_field(l->name) : "") << '\t' << (l ? tsv_field(l->admin1) : "") << '\t'
          << (l ? l->country : "") << '\t' << tsv_field(r.doc_id) << '_' << r.sentence_index << '\t' << urls << '\t'
          << sources << '\n';
    }
    return records.size();
  }

 private:
  const Codebook* cb_;
  WriterOptions o_;
};

}  // namespace

const std::vector<std::string>& phoenix_columns() {
  static const std::vector<std::string> cols = {
      "EventID",          "Date",              "Year",           "Month",          "Day",
      "SourceActorFull",  "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
      "TargetActorFull",  "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
      "EventCode",        "EventRootCode",     "QuadClass",      "GoldsteinScore", "Issues",
      "Lat",              "Lon",               "LocationName",   "StateName",      "CountryCode",
      "SentenceID",       "URLs",              "NewsSources"};
  return cols;
}

std::unique_ptr<EventWriter> make_phoenix_writer(const Codebook* cb, WriterOptions o) {
  return std::make_unique<PhoenixWriter>(cb, o);
}

}  // namespace dyad
