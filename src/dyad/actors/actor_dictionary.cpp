#include "dyad/actors/actor_dictionary.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

#include "dyad/actors/actor_code.h"
#include "dyad/core/tsv.h"
#include "dyad/text/normalizer.h"

namespace dyad {
namespace {

bool parse_type(const std::string& s, ActorType& t) {
  static const std::map<std::string, ActorType> kTypes = {
      {"country", ActorType::Country}, {"adj", ActorType::Adjective}, {"capital", ActorType::Capital},
      {"epithet", ActorType::Epithet}, {"org", ActorType::Org},       {"person", ActorType::Person},
      {"role", ActorType::Role}, {"place", ActorType::Place}};
  auto it = kTypes.find(s);
  if (it == kTypes.end()) return false;
  t = it->second;
  return true;
}

bool well_formed_date(const std::string& d) {
  if (d.empty()) return true;
  auto digits = [&](size_t a, size_t b) {
    for (size_t i = a; i < b; ++i)
      if (d[i] < '0' || d[i] > '9') return false;
    return true;
  };
  if (d.size() == 4) return digits(0, 4);
  if (d.size() == 7) return digits(0, 4) && d[4] == '-' && digits(5, 7);
  if (d.size() == 10) return digits(0, 4) && d[4] == '-' && digits(5, 7) && d[7] == '-' && digits(8, 10);
  return false;
}

// "2021" -> "2021-01-01", "2021-03" -> "2021-03-01": comparable as strings.
std::string full_date(const std::string& d) {
  if (d.size() == 4) return d + "-01-01";
  if (d.size() == 7) return d + "-01";
  return d;
}

bool all_caps_acronym(std::string_view alias) {
  int letters = 0;
  for (char c : alias) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
    if (c == ' ') return false;
  }
  return letters >= 2 && letters <= 5;
}

// No lower-case letter ("US", "MS", "-", "13" all qualify).
bool is_all_caps(std::string_view s) {
  for (char c : s)
    if (c >= 'a' && c <= 'z') return false;
  return true;
}

std::vector<std::string> tsv_files(const std::string& dir) {
  std::vector<std::string> files;
  if (!std::filesystem::is_directory(dir)) throw std::runtime_error("actor dictionary folder not found: " + dir);
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".tsv") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

const char* actor_type_name(ActorType t) {
  switch (t) {
    case ActorType::Country: return "country";
    case ActorType::Adjective: return "adj";
    case ActorType::Capital: return "capital";
    case ActorType::Epithet: return "epithet";
    case ActorType::Org: return "org";
    case ActorType::Person: return "person";
    case ActorType::Role: return "role";
    case ActorType::Place: return "place";
  }
  return "?";
}

void ActorDictionary::add(ActorEntry entry, std::string_view alias, const Tokenizer& tokenizer) {
  const auto toks = tokenizer.tokenize(alias);
  if (toks.empty()) return;
  uint32_t node = 0;
  for (const auto& t : toks) {
    const std::string key = fold_case(t.form);
    auto it = nodes_[node].next.find(key);
    if (it == nodes_[node].next.end()) {
      nodes_.emplace_back();
      it = nodes_[node].next.emplace(key, static_cast<uint32_t>(nodes_.size() - 1)).first;
    }
    node = it->second;
  }
  if (entry.type == ActorType::Person) {
    auto [it, fresh] = person_ids_.emplace(entry.name, static_cast<uint32_t>(person_ids_.size()));
    entry.person = it->second;
  }
  entries_.push_back(std::move(entry));
  nodes_[node].entries.push_back(static_cast<uint32_t>(entries_.size() - 1));
  // An acronym alias ("US", "WHO") matches only all-caps text, unless the same words
  // were also listed in another case ("Nato"), which lifts the restriction.
  if (all_caps_acronym(alias)) {
    if (nodes_[node].entries.size() == 1) nodes_[node].exact_case = true;
  } else {
    nodes_[node].exact_case = false;
  }
}

ActorDictionary ActorDictionary::load(const std::string& dir, const Tokenizer& tokenizer) {
  auto problems = check(dir, tokenizer);
  if (!problems.empty()) throw std::runtime_error(problems.front());
  ActorDictionary d;
  for (const auto& file : tsv_files(dir)) {
    for_each_tsv_row(file, [&](const TsvRow& row) {
      ActorEntry e;
      parse_type(row.field(0), e.type);
      e.code = row.field(1);
      e.from = full_date(row.field(3));
      e.to = full_date(row.field(4));
      e.where = row.where();
      const auto aliases = split(row.field(2), '|');
      e.name = trim(aliases[0]);
      for (const auto& a : aliases) d.add(e, trim(a), tokenizer);
    });
  }
  return d;
}

std::vector<std::string> ActorDictionary::check(const std::string& dir, const Tokenizer& tokenizer) {
  std::vector<std::string> problems;
  // folded alias -> (code country, where) for conflict detection among non-person, non-role entries
  std::map<std::string, std::pair<std::string, std::string>> seen;
  for (const auto& file : tsv_files(dir)) {
    for_each_tsv_row(file, [&](const TsvRow& row) {
      const std::string w = row.where();
      ActorType t;
      if (row.fields.size() < 3 || row.fields.size() > 6) {
        problems.push_back(w + ": expected TYPE<TAB>CODE<TAB>ALIASES[<TAB>FROM<TAB>TO<TAB>NOTE]");
        return;
      }
      if (!parse_type(row.field(0), t)) {
        problems.push_back(w + ": unknown TYPE '" + row.field(0) + "'");
        return;
      }
      const std::string& code = row.field(1);
      const bool ok = t == ActorType::Role    ? (is_role_code(code) || is_well_formed_actor_code(code))
                      : t == ActorType::Place ? code == "---"
                                              : is_well_formed_actor_code(code);
      if (!ok) problems.push_back(w + ": malformed actor code '" + code + "'");
      const std::string& from = row.field(3);
      const std::string& to = row.field(4);
      if (!well_formed_date(from)) problems.push_back(w + ": malformed FROM date '" + from + "'");
      if (!well_formed_date(to)) problems.push_back(w + ": malformed TO date '" + to + "'");
      if (!from.empty() && !to.empty() && full_date(from) >= full_date(to))
        problems.push_back(w + ": FROM " + from + " is not before TO " + to);
      for (const auto& raw : split(row.field(2), '|')) {
        const std::string a = trim(raw);
        if (a.empty() || tokenizer.tokenize(a).empty()) {
          problems.push_back(w + ": empty alias");
          continue;
        }
        if (t == ActorType::Person || !from.empty() || !to.empty()) continue;  // dated: may legitimately repeat
        const std::string key = fold_case(a) + (all_caps_acronym(a) ? "#caps" : "");
        const std::string value = (t == ActorType::Role ? "role:" : "") + code;
        auto [it, fresh] = seen.emplace(key, std::make_pair(value, w));
        if (!fresh && it->second.first != value)
          problems.push_back(w + ": alias '" + a + "' is " + code + " here but " + it->second.first +
                             " at " + it->second.second);
      }
    });
  }
  return problems;
}

ActorMatch ActorDictionary::longest_match(const std::vector<Token>& tokens, size_t i) const {
  ActorMatch best;
  uint32_t node = 0;
  for (size_t k = i; k < tokens.size(); ++k) {
    auto it = nodes_[node].next.find(fold_case(tokens[k].form));
    if (it == nodes_[node].next.end()) break;
    node = it->second;
    const Node& n = nodes_[node];
    if (n.entries.empty()) continue;
    if (n.exact_case) {
      // "US" the country, not "us" the pronoun; a single-token acronym must be all caps.
      bool caps = true;
      for (size_t m = i; m <= k; ++m) caps = caps && is_all_caps(tokens[m].form);
      if (!caps) continue;
    }
    best.length = static_cast<uint32_t>(k - i + 1);
    best.entries = &n.entries;
  }
  return best;
}

std::string ActorDictionary::code_on(const std::vector<uint32_t>& ids, const std::string& date,
                                     uint32_t* chosen) const {
  // An entry whose period holds wins; a person outside every period falls back to the
  // plain country of their first entry; an undated entry applies always.
  const ActorEntry* fallback = nullptr;
  uint32_t fallback_id = 0;
  for (uint32_t id : ids) {
    const ActorEntry& e = entries_[id];
    const bool dated = !e.from.empty() || !e.to.empty();
    if (!dated) {
      if (!fallback || fallback->type == ActorType::Person) { fallback = &e; fallback_id = id; }
      continue;
    }
    const bool holds = date.empty() ? e.to.empty() : (e.from.empty() || e.from <= date) && (e.to.empty() || date < e.to);
    if (holds) {
      if (chosen) *chosen = id;
      return e.code;
    }
    if (!fallback && e.type == ActorType::Person) { fallback = &e; fallback_id = id; }
  }
  if (!fallback) return "";
  if (chosen) *chosen = fallback_id;
  if (fallback->type == ActorType::Person && (!fallback->from.empty() || !fallback->to.empty()))
    return actor_country(fallback->code);
  return fallback->code;
}

}  // namespace dyad
