#include "dyad/io/event_record.h"

namespace dyad {
namespace {

std::string slice(const Document& d, uint32_t b, uint32_t e) {
  if (b > d.text.size() || e < b) return "";
  return d.text.substr(b, e - b);
}

ActorFields actor_fields(const Document& d, const Sentence& s, int32_t m) {
  ActorFields a;
  if (m < 0 || static_cast<size_t>(m) >= s.mentions.size()) return a;
  const Mention& mm = s.mentions[m];
  a.present = true;
  a.code = mm.code;
  a.country = mm.country;
  a.role = mm.role;
  a.start = s.tokens[mm.first].span.begin;
  a.end = s.tokens[mm.last].span.end;
  a.text = slice(d, a.start, a.end);
  a.entry = mm.entry;
  a.resolved_from = mm.resolved_from;
  return a;
}

}  // namespace

bool should_write(const Event& e, const WriterOptions& o) { return o.modal || e.modality == Modality::Asserted; }

const char* modality_name(Modality m) {
  switch (m) {
    case Modality::Negated: return "negated";
    case Modality::Hypothetical: return "hypothetical";
    default: return "asserted";
  }
}

std::string tsv_field(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

std::vector<EventRecord> event_records(const Document& d, const Codebook* cb, const WriterOptions& o) {
  std::vector<EventRecord> out;
  for (size_t si = 0; si < d.sentences.size(); ++si) {
    const Sentence& s = d.sentences[si];
    for (size_t ei = 0; ei < s.events.size(); ++ei) {
      const Event& e = s.events[ei];
      if (!should_write(e, o)) continue;
      EventRecord r;
      r.doc_id = d.id;
      r.event_id = d.id + "-" + std::to_string(si) + "-" + std::to_string(ei);
      r.sentence_index = si;
      r.event_index = ei;
      r.article_date = d.date;
      if (!e.date.empty()) {
        r.date = e.date;
        r.date_resolution = e.date_resolution.empty() ? "day" : e.date_resolution;
      } else if (!d.date.empty()) {
        r.date = d.date;
        r.date_resolution = "article";
      }
      r.sentence_start = s.span.begin;
      r.sentence_end = s.span.end;
      r.sentence_text = slice(d, s.span.begin, s.span.end);
      r.source = actor_fields(d, s, e.source);
      r.target = actor_fields(d, s, e.target);
      r.code = e.code;
      r.root = e.code.substr(0, 2);
      if (const CodebookEntry* c = cb ? cb->find(e.code) : nullptr) {
        r.has_codebook = true;
        r.label = c->label;
        r.goldstein = c->goldstein;
        r.quad_class = c->quad_class;
        r.plover_category = c->plover_category;
        r.plover_mode = c->plover_mode;
      }
      if (e.trigger_first < s.tokens.size() && e.trigger_last < s.tokens.size()) {
        r.trigger_start = s.tokens[e.trigger_first].span.begin;
        r.trigger_end = s.tokens[e.trigger_last].span.end;
        r.trigger_text = slice(d, r.trigger_start, r.trigger_end);
      }
      r.rule = e.rule;
      r.modality = e.modality;
      r.location = e.location;
      out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace dyad
