#include "dyad/context/location_resolver.h"

#include <algorithm>
#include <cstdlib>

#include "dyad/context/clause.h"
#include "dyad/text/normalizer.h"

namespace dyad {

namespace {

bool is_dash(const std::string& f) { return f == "-" || f == "--" || f == "\xE2\x80\x94" || f == "\xE2\x80\x93"; }

bool all_caps_word(const std::string& f) {
  bool letter = false;
  for (unsigned char c : f) {
    if (c >= 'a' && c <= 'z') return false;
    letter = letter || (c >= 'A' && c <= 'Z') || c >= 0x80;
  }
  return letter;
}

// Mentions whose tokens may hold a place name: countries, capitals (countries.tsv).
bool place_mention(const Mention& m) { return m.entry.rfind("countries.tsv", 0) == 0; }

// The dateline stands for an event with no place of its own when the event involves
// the dateline's country or no country at all: a QUITO dateline places Mexico's break
// with Ecuador in Quito, not a spat between Beijing and Washington reported there.
bool dateline_fits(const Sentence& s, const Event& e, const std::string& country) {
  bool any_country = false;
  for (int32_t side : {e.source, e.target}) {
    if (side < 0 || static_cast<size_t>(side) >= s.mentions.size()) continue;
    const std::string& c = s.mentions[static_cast<size_t>(side)].country;
    if (c.size() != 3 || c == "IGO" || c == "NGO") continue;
    if (c == country) return true;
    any_country = true;
  }
  return !any_country;
}

}  // namespace

Location LocationResolver::to_location(const Sentence& s, const Candidate& c) const {
  const Place& p = g_->place(c.place);
  Location l;
  l.name = p.name;
  l.admin1 = p.admin1;
  l.country = p.country;
  l.kind = p.kind;
  l.lat = p.lat;
  l.lon = p.lon;
  l.has_coordinates = p.has_coordinates;
  l.span = Span{s.tokens[c.first].span.begin, s.tokens[c.last].span.end};
  return l;
}

LocationResolver::Dateline LocationResolver::dateline(const Document& doc) const {
  Dateline d;
  if (doc.sentences.empty()) return d;
  const Sentence& s = doc.sentences.front();
  const auto& t = s.tokens;
  // CITY [, Country|State] [(Agency)] —
  size_t k = 0;
  while (k < t.size() && k < 8 && (all_caps_word(t[k].form) || (k > 0 && t[k].form == "-" && !t[k].space_after &&
                                                                 k + 1 < t.size() && all_caps_word(t[k + 1].form))))
    ++k;
  const size_t city_end = k;
  if (city_end == 0) return d;
  size_t where_first = 0, where_end = 0;
  if (k < t.size() && t[k].form == ",") {
    where_first = ++k;
    while (k < t.size() && k < where_first + 5 && t[k].form != "(" && !is_dash(t[k].form) && t[k].form != ",") ++k;
    where_end = k;
  }
  if (k < t.size() && t[k].form == "(") {
    while (k < t.size() && k < city_end + 12 && t[k].form != ")") ++k;
    if (k < t.size()) ++k;
  }
  if (k >= t.size() || !is_dash(t[k].form)) return d;
  d.end = t[k].span.end;
  std::string country;
  if (where_end > where_first)
    if (const auto* ids = g_->find(t, where_first, where_end)) country = g_->place(ids->front()).country;
  const auto* ids = g_->find(t, 0, city_end);
  if (!ids) {
    // An unknown city with a known country ("SOMEWHERE, Haiti —"): the country.
    if (where_end > where_first)
      if (const auto* c = g_->find(t, where_first, where_end)) {
        Candidate cand{static_cast<uint32_t>(where_first), static_cast<uint32_t>(where_end - 1), 0, c->front(), false};
        d.location = to_location(s, cand);
      }
    return d;
  }
  uint32_t best = ids->front();
  if (!country.empty())
    for (uint32_t id : *ids)
      if (g_->place(id).country == country) {
        best = id;
        break;
      }
  Candidate cand{0, static_cast<uint32_t>(city_end - 1), 0, best, false};
  d.location = to_location(s, cand);
  return d;
}

void LocationResolver::find(const Sentence& s, std::vector<Candidate>& out, uint32_t skip_before) const {
  const auto& toks = s.tokens;
  const size_t n = toks.size();
  // Per token: 0 free, 1 in a country/capital mention (an actor), 2 in another mention.
  std::vector<uint8_t> in_mention(n, 0);
  for (const auto& m : s.mentions)
    for (uint32_t k = m.first; k <= m.last && k < n; ++k)
      in_mention[k] = std::max<uint8_t>(in_mention[k], place_mention(m) ? 1 : 2);
  const bool parsed = is_parsed(s);
  for (size_t i = 0; i < n; ++i) {
    if (toks[i].span.begin < skip_before) continue;
    const auto match = g_->longest_match(toks, i);
    if (match.length == 0) continue;
    const uint32_t first = static_cast<uint32_t>(i), last = static_cast<uint32_t>(i + match.length - 1);
    i = last;
    bool blocked = false, actor = false;
    for (uint32_t k = first; k <= last; ++k) {
      blocked = blocked || in_mention[k] == 2;
      actor = actor || in_mention[k] == 1;
    }
    if (blocked) continue;
    // "US-flagged", "Iran-backed": a modifier, not a place.
    if (!toks[last].space_after && last + 1 < n && toks[last + 1].form == "-") continue;
    // "Turkey's Istanbul", "Qatar's Doha": the possessor only says whose the place is.
    const bool possessor = last + 1 < n && (toks[last + 1].form == "'s" || toks[last + 1].form == "'");
    uint32_t head = last;
    if (parsed)
      for (uint32_t k = first; k <= last; ++k)
        if (toks[k].head < static_cast<int32_t>(first) || toks[k].head > static_cast<int32_t>(last)) {
          head = k;
          break;
        }
    bool locative = false;
    if (parsed && !possessor) {
      // The preposition hangs from the place, or from the noun it names ("in Doha city").
      int32_t phrase = static_cast<int32_t>(head);
      const std::string& rel = toks[head].deprel;
      if ((rel == "compound" || rel == "flat" || rel == "amod") && toks[head].head >= 0) phrase = toks[head].head;
      for (size_t c = 0; c < n && !locative; ++c)
        locative = (toks[c].head == static_cast<int32_t>(head) || toks[c].head == phrase) && toks[c].deprel == "case" &&
                   g_->is_locative(fold_case(toks[c].form));
    }
    // Word order too, for parses that attach the preposition elsewhere: "in (the) X",
    // "in Qatar's X".
    size_t before = first;
    if (before >= 2 && toks[before - 1].form == "'s") {
      before -= 2;
      for (int k = 0; k < 3 && before > 0 && !toks[before - 1].form.empty() &&
                      toks[before - 1].form[0] >= 'A' && toks[before - 1].form[0] <= 'Z';
           ++k)
        --before;
    }
    if (before > 0 && fold_case(toks[before - 1].form) == "the") --before;
    if (!locative && !possessor && before > 0) locative = g_->is_locative(fold_case(toks[before - 1].form));
    if (actor && !locative) continue;
    // Which of the name's places: the best ranked, unless the sentence names the
    // country of another that is not much smaller ("Hamilton, Bermuda").
    const auto& ids = *match.places;
    uint32_t place = ids.front();
    const Place& top = g_->place(place);
    auto named = [&](const std::string& country) {
      for (const auto& m : s.mentions)
        if (m.country == country) return true;
      return false;
    };
    if (!top.curated && ids.size() > 1 && !named(top.country))
      for (uint32_t id : ids) {
        const Place& p = g_->place(id);
        if (id == place || p.country.empty() || p.population * 20 < top.population) continue;
        if (named(p.country)) {
          place = id;
          break;
        }
      }
    out.push_back({first, last, head, place, locative});
  }
}

void LocationResolver::resolve(Sentence& s, const Dateline& dateline) const {
  if (s.events.empty()) return;
  std::vector<Candidate> cands;
  find(s, cands, s.span.begin < dateline.end ? dateline.end : 0);
  const bool parsed = is_parsed(s);
  for (auto& e : s.events) {
    const Candidate* best = nullptr;
    if (parsed)
      for (const auto& c : cands) {
        if (!c.locative || !in_trigger_clause(s, c.head, e.trigger_first)) continue;
        auto dist = [&](const Candidate& x) { return std::abs(static_cast<int64_t>(x.head) - e.trigger_first); };
        if (!best || dist(c) < dist(*best)) best = &c;
      }
    for (const auto& c : cands)  // else the sentence's first locative place, else its first place
      if (!best && c.locative) best = &c;
    if (!best && !cands.empty()) best = &cands.front();
    if (best) e.location = to_location(s, *best);
    else if (dateline.location && dateline_fits(s, e, dateline.location->country)) e.location = dateline.location;
  }
}

}  // namespace dyad
