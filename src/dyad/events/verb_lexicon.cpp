#include "dyad/events/verb_lexicon.h"

#include <algorithm>
#include <stdexcept>

#include "dyad/core/tsv.h"
#include "dyad/text/normalizer.h"

namespace dyad {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool parse_pattern(const TsvRow& row, EventPattern& p, std::string& error) {
  p.code = row.field(0);
  p.where = row.where();
  const auto words = split(row.field(1), ' ');
  for (const auto& w : words) {
    if (w.empty()) continue;
    PatternElement e;
    if (w == "$") e.kind = PatternElement::Kind::Target;
    else if (w == "%") e.kind = PatternElement::Kind::Source;
    else e.lemma = fold_case(w);
    p.elements.push_back(std::move(e));
  }
  if (p.elements.empty() || p.elements[0].kind != PatternElement::Kind::Word) {
    error = "a pattern starts with its trigger word";
    return false;
  }
  int targets = 0, sources = 0;
  for (const auto& e : p.elements) {
    targets += e.kind == PatternElement::Kind::Target;
    sources += e.kind == PatternElement::Kind::Source;
  }
  if (targets > 1 || sources > 1) {
    error = "at most one '$' and one '%' per pattern";
    return false;
  }
  for (const auto& o : split(row.field(2), ',')) {
    const std::string opt = trim(o);
    if (opt.empty()) continue;
    if (opt == "noun") p.noun = true;
    else if (opt == "mutual") p.mutual = true;
    else if (opt == "say") p.say = true;
    else if (opt == "notarget") p.notarget = true;
    else if (opt == "passive") p.passive = true;
    else if (opt == "adj") p.adjective = true;
    else if (opt == "adjacent") p.adjacent = true;
    else {
      error = "unknown option '" + opt + "'";
      return false;
    }
  }
  return true;
}

}  // namespace

size_t EventPattern::words() const {
  return static_cast<size_t>(std::count_if(elements.begin(), elements.end(),
                                           [](const PatternElement& e) { return e.kind == PatternElement::Kind::Word; }));
}

std::vector<std::string> regular_forms(const std::string& w) {
  std::vector<std::string> f = {w};
  if (w.size() < 2) return f;
  const char last = w.back(), prev = w[w.size() - 2];
  if (last == 'e') {
    f.push_back(w + "s");
    f.push_back(w + "d");
    f.push_back(w.substr(0, w.size() - 1) + "ing");
  } else if (last == 'y' && !is_vowel(prev)) {
    const std::string stem = w.substr(0, w.size() - 1);
    f.push_back(stem + "ies");
    f.push_back(stem + "ied");
    f.push_back(w + "ing");
  } else {
    const bool sibilant = last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 's' || prev == 'c'));
    f.push_back(w + (sibilant ? "es" : "s"));
    f.push_back(w + "ed");
    f.push_back(w + "ing");
    // consonant doubling: stop -> stopped, ban -> banned
    if (w.size() >= 3 && !is_vowel(last) && last != 'w' && last != 'x' && last != 'y' && is_vowel(prev) &&
        !is_vowel(w[w.size() - 3])) {
      f.push_back(w + last + "ed");
      f.push_back(w + last + "ing");
    }
  }
  return f;
}

void VerbLexicon::add_forms(const std::string& lemma) {
  if (!known_lemmas_.insert(lemma).second) return;
  for (const auto& f : regular_forms(lemma)) {
    auto& v = lemmas_by_form_[f];
    if (std::find(v.begin(), v.end(), lemma) == v.end()) v.push_back(lemma);
  }
}

void VerbLexicon::add_inflection(const std::string& lemma, const std::string& form) {
  auto& v = lemmas_by_form_[fold_case(form)];
  const std::string l = fold_case(lemma);
  if (std::find(v.begin(), v.end(), l) == v.end()) v.push_back(l);
}

void VerbLexicon::add(EventPattern p) {
  for (const auto& e : p.elements)
    if (e.kind == PatternElement::Kind::Word) add_forms(e.lemma);
  by_trigger_[p.elements[0].lemma].push_back(static_cast<uint32_t>(patterns_.size()));
  patterns_.push_back(std::move(p));
}

std::vector<std::string> VerbLexicon::check(const std::string& verbs_path, const std::string& inflections_path,
                                            const Codebook& codebook) {
  std::vector<std::string> problems;
  for_each_tsv_row(verbs_path, [&](const TsvRow& row) {
    EventPattern p;
    std::string error;
    if (row.fields.size() < 2 || row.fields.size() > 4)
      problems.push_back(row.where() + ": expected CODE<TAB>PATTERN[<TAB>OPTIONS<TAB>NOTE]");
    else if (!codebook.contains(row.field(0)))
      problems.push_back(row.where() + ": unknown CAMEO code '" + row.field(0) + "'");
    else if (!parse_pattern(row, p, error))
      problems.push_back(row.where() + ": " + error);
  });
  for_each_tsv_row(inflections_path, [&](const TsvRow& row) {
    if (row.fields.size() != 2) problems.push_back(row.where() + ": expected LEMMA<TAB>FORMS");
  });
  return problems;
}

VerbLexicon VerbLexicon::load(const std::string& verbs_path, const std::string& inflections_path,
                              const Codebook& codebook) {
  auto problems = check(verbs_path, inflections_path, codebook);
  if (!problems.empty()) throw std::runtime_error(problems.front());
  VerbLexicon lex;
  for_each_tsv_row(verbs_path, [&](const TsvRow& row) {
    EventPattern p;
    std::string error;
    parse_pattern(row, p, error);
    lex.add(std::move(p));
  });
  for_each_tsv_row(inflections_path, [&](const TsvRow& row) {
    for (const auto& f : split(row.field(1), '|')) lex.add_inflection(row.field(0), trim(f));
  });
  return lex;
}

const std::vector<uint32_t>& VerbLexicon::patterns_with_trigger(const std::string& lemma) const {
  static const std::vector<uint32_t> none;
  auto it = by_trigger_.find(lemma);
  return it == by_trigger_.end() ? none : it->second;
}

bool VerbLexicon::matches(const Token& t, const std::string& folded, const std::string& lemma) const {
  if (!t.lemma.empty() && t.lemma == lemma) return true;
  if (folded == lemma) return true;
  auto it = lemmas_by_form_.find(folded);
  return it != lemmas_by_form_.end() && std::find(it->second.begin(), it->second.end(), lemma) != it->second.end();
}

std::vector<std::string> VerbLexicon::lemmas_of(const Token& t, const std::string& folded) const {
  std::vector<std::string> out;
  if (!t.lemma.empty() && known_lemmas_.count(t.lemma)) out.push_back(t.lemma);
  auto it = lemmas_by_form_.find(folded);
  if (it != lemmas_by_form_.end())
    for (const auto& l : it->second)
      if (std::find(out.begin(), out.end(), l) == out.end()) out.push_back(l);
  return out;
}

std::unordered_set<std::string> VerbLexicon::codes() const {
  std::unordered_set<std::string> c;
  for (const auto& p : patterns_) c.insert(p.code);
  return c;
}

}  // namespace dyad
