#include "dyad/io/event_writer.h"

#include <nlohmann/json.hpp>

namespace dyad {
namespace {

using nlohmann::ordered_json;

std::string slice(const Document& d, uint32_t b, uint32_t e) { return d.text.substr(b, e - b); }

ordered_json actor_json(const Document& d, const Sentence& s, int m) {
  if (m < 0) return nullptr;
  const Mention& mm = s.mentions[m];
  ordered_json j;
  j["code"] = mm.code;
  j["country"] = mm.country;
  j["role"] = mm.role;
  const uint32_t b = s.tokens[mm.first].span.begin, e = s.tokens[mm.last].span.end;
  j["text"] = slice(d, b, e);
  j["start"] = b;
  j["end"] = e;
  j["entry"] = mm.entry;
  if (!mm.resolved_from.empty()) j["resolved_from"] = mm.resolved_from;
  return j;
}

const char* modality_name(Modality m) {
  switch (m) {
    case Modality::Negated: return "negated";
    case Modality::Hypothetical: return "hypothetical";
    default: return "asserted";
  }
}

class JsonlWriter : public EventWriter {
 public:
  JsonlWriter(const Codebook* cb, WriterOptions o) : cb_(cb), o_(o) {}
  size_t write(const Document& d, std::ostream& out) override {
    size_t written = 0;
    ordered_json extra = ordered_json::parse(d.passthrough.empty() ? "{}" : d.passthrough, nullptr, false);
    for (size_t si = 0; si < d.sentences.size(); ++si) {
      const Sentence& s = d.sentences[si];
      for (size_t ei = 0; ei < s.events.size(); ++ei) {
        const Event& e = s.events[ei];
        if (!should_write(e, o_)) continue;
        ordered_json j;
        j["doc_id"] = d.id;
        j["event_id"] = d.id + "-" + std::to_string(si) + "-" + std::to_string(ei);
        j["date"] = d.date.empty() ? ordered_json(nullptr) : ordered_json(d.date);
        j["sentence"] = {{"index", si}, {"start", s.span.begin}, {"end", s.span.end},
                         {"text", slice(d, s.span.begin, s.span.end)}};
        j["source"] = actor_json(d, s, e.source);
        j["target"] = actor_json(d, s, e.target);
        ordered_json ev;
        ev["code"] = e.code;
        ev["root"] = e.code.substr(0, 2);
        const CodebookEntry* c = cb_ ? cb_->find(e.code) : nullptr;
        ev["label"] = c ? c->label : "";
        if (c) {
          ev["goldstein"] = c->goldstein;
          ev["quad_class"] = c->quad_class;
        }
        const uint32_t tb = s.tokens[e.trigger_first].span.begin, te = s.tokens[e.trigger_last].span.end;
        ev["trigger"] = {{"text", slice(d, tb, te)}, {"start", tb}, {"end", te}};
        j["event"] = ev;
        j["rule"] = e.rule;
        if (e.modality != Modality::Asserted) j["modality"] = modality_name(e.modality);
        if (extra.is_object())
          for (auto it = extra.begin(); it != extra.end(); ++it)
            if (!j.contains(it.key())) j[it.key()] = it.value();
        out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        ++written;
      }
    }
    return written;
  }

 private:
  const Codebook* cb_;
  WriterOptions o_;
};

std::string tsv_field(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

class TsvWriter : public EventWriter {
 public:
  TsvWriter(const Codebook* cb, WriterOptions o) : cb_(cb), o_(o) {}
  void begin(std::ostream& out) override {
    out << "doc_id\tevent_id\tdate\tsentence_index\tsentence_start\tsentence_end\tsource_code\tsource_country"
           "\tsource_role\tsource_text\ttarget_code\ttarget_country\ttarget_role\ttarget_text\tevent_code"
           "\tevent_root\tevent_label\tgoldstein\tquad_class\ttrigger\tmodality\trule\tsentence_text\n";
  }
  size_t write(const Document& d, std::ostream& out) override {
    size_t written = 0;
    for (size_t si = 0; si < d.sentences.size(); ++si) {
      const Sentence& s = d.sentences[si];
      for (size_t ei = 0; ei < s.events.size(); ++ei) {
        const Event& e = s.events[ei];
        if (!should_write(e, o_)) continue;
        auto actor = [&](int m) {
          if (m < 0) return std::string("---\t\t\t");
          const Mention& mm = s.mentions[m];
          return mm.code + "\t" + mm.country + "\t" + mm.role + "\t" +
                 tsv_field(slice(d, s.tokens[mm.first].span.begin, s.tokens[mm.last].span.end));
        };
        const CodebookEntry* c = cb_ ? cb_->find(e.code) : nullptr;
        out << tsv_field(d.id) << '\t' << tsv_field(d.id) << '-' << si << '-' << ei << '\t' << d.date << '\t' << si
            << '\t' << s.span.begin << '\t' << s.span.end << '\t' << actor(e.source) << '\t' << actor(e.target)
            << '\t' << e.code << '\t' << e.code.substr(0, 2) << '\t' << (c ? c->label : "") << '\t'
            << (c ? std::to_string(c->goldstein) : "") << '\t' << (c ? std::to_string(c->quad_class) : "") << '\t'
            << tsv_field(slice(d, s.tokens[e.trigger_first].span.begin, s.tokens[e.trigger_last].span.end)) << '\t'
            << modality_name(e.modality) << '\t' << e.rule << '\t'
            << tsv_field(slice(d, s.span.begin, s.span.end)) << '\n';
        ++written;
      }
    }
    return written;
  }

 private:
  const Codebook* cb_;
  WriterOptions o_;
};

}  // namespace

bool should_write(const Event& e, const WriterOptions& o) { return o.modal || e.modality == Modality::Asserted; }

std::unique_ptr<EventWriter> EventWriter::create(const std::string& format, const Codebook* cb, WriterOptions o) {
  if (format == "jsonl") return std::make_unique<JsonlWriter>(cb, o);
  if (format == "tsv") return std::make_unique<TsvWriter>(cb, o);
  return nullptr;
}

}  // namespace dyad
