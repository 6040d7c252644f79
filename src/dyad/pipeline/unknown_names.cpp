#include "dyad/pipeline/unknown_names.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace dyad {

namespace {

std::string text_of(const Document& doc, const Sentence& s, uint32_t first, uint32_t last) {
  return doc.text.substr(s.tokens[first].span.begin, s.tokens[last].span.end - s.tokens[first].span.begin);
}

// The sentence on one line (the file is one row per name).
std::string one_line(const Document& doc, const Sentence& s) {
  std::string out;
  bool space = false;
  for (char c : std::string_view(doc.text).substr(s.span.begin, s.span.end - s.span.begin)) {
    if (c == '\t' || c == '\n' || c == '\r' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Without the recognizer: runs of capitalised words that no mention covers
// ("Nebiyu Tedla", "Global Initiative Against Transnational Organized Crime"), the
// sentence's first word left out.
void capitalised_runs(const Document& doc, const Sentence& s, std::vector<UnknownName>& out) {
  std::vector<bool> in_mention(s.tokens.size(), false);
  for (const auto& m : s.mentions)
    for (uint32_t k = m.first; k <= m.last && k < in_mention.size(); ++k) in_mention[k] = true;
  auto capital = [&](size_t k) {
    const std::string& f = s.tokens[k].form;
    return !in_mention[k] && f.size() > 1 && std::isupper(static_cast<unsigned char>(f[0])) &&
           std::any_of(f.begin() + 1, f.end(), [](char ch) { return std::islower(static_cast<unsigned char>(ch)); });
  };
  auto joins = [&](size_t k) { return s.tokens[k].form == "of" || s.tokens[k].form == "al"; };
  for (size_t k = 1; k < s.tokens.size();) {
    if (!capital(k)) {
      ++k;
      continue;
    }
    size_t e = k;
    while (e + 1 < s.tokens.size() && (capital(e + 1) || (joins(e + 1) && e + 2 < s.tokens.size() && capital(e + 2))))
      ++e;
    if (e > k)
      out.push_back({text_of(doc, s, static_cast<uint32_t>(k), static_cast<uint32_t>(e)), "-", one_line(doc, s)});
    k = e + 1;
  }
}

}  // namespace

bool UnknownNameCollector::covered(const Sentence& s, uint32_t first, uint32_t last) const {
  // An alias overlapping the name starts at most a few words before it.
  constexpr uint32_t kLookBack = 8;
  for (uint32_t k = first > kLookBack ? first - kLookBack : 0; k <= last; ++k) {
    const ActorMatch m = dictionary_->longest_match(s.tokens, k);
    if (m.length == 0 || k + m.length - 1 < first) continue;
    // A role word ("President") names no one; the name beside it is still unknown.
    for (uint32_t id : *m.entries)
      if (dictionary_->entries()[id].type != ActorType::Role) return true;
  }
  return false;
}

std::vector<UnknownName> UnknownNameCollector::find(const Document& doc) const {
  std::vector<UnknownName> out;
  for (const auto& s : doc.sentences) {
    if (s.boilerplate || s.tokens.empty()) continue;
    if (!ner_) {
      capitalised_runs(doc, s, out);
      continue;
    }
    std::string line;
    for (const ner::EntitySpan& e : ner_->recognize(s)) {
      if (covered(s, e.first, e.last)) continue;
      if (line.empty()) line = one_line(doc, s);
      out.push_back({text_of(doc, s, e.first, e.last), ner::entity_type_name(e.type), line});
    }
  }
  return out;
}

void UnknownNameCollector::add(const std::string& doc_id, const std::vector<UnknownName>& names) {
  for (const UnknownName& u : names) {
    Tally& t = names_[u.name];
    if (t.count++ == 0) {
      t.doc_id = doc_id;
      t.sentence = u.sentence;
    }
    ++t.types[u.type];
  }
}

void UnknownNameCollector::write(std::ostream& out) const {
  std::vector<const std::pair<const std::string, Tally>*> rows;
  for (const auto& kv : names_) rows.push_back(&kv);
  std::stable_sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->second.count > b->second.count; });
  out << "# name\tcount\tfirst_doc_id\ttype\texample_sentence\n";
  for (const auto* row : rows) {
    const Tally& t = row->second;
    // The most frequent type; a tie goes to the first in alphabetical order.
    auto type = std::max_element(t.types.begin(), t.types.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    out << row->first << '\t' << t.count << '\t' << t.doc_id << '\t' << type->first << '\t' << t.sentence << '\n';
  }
}

}  // namespace dyad
