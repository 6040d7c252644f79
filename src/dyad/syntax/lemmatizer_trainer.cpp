#include "dyad/syntax/lemmatizer_trainer.h"

#include <map>

#include "dyad/syntax/tagger.h"

namespace dyad::syntax {

namespace {

// Most frequent value per key; ties go to the smallest value (deterministic).
template <class V>
std::unordered_map<std::string, V> majority(const std::map<std::string, std::map<V, int>>& counts) {
  std::unordered_map<std::string, V> out;
  for (const auto& [k, m] : counts) {
    const V* best = nullptr;
    int best_n = -1;
    for (const auto& [v, c] : m)
      if (c > best_n) {
        best = &v;
        best_n = c;
      }
    out.emplace(k, *best);
  }
  return out;
}

Lemmatizer::Rule rule_for(std::string_view form, std::string_view lemma) {
  size_t p = 0;
  while (p < form.size() && p < lemma.size() && form[p] == lemma[p]) ++p;
  return {static_cast<uint32_t>(form.size() - p), std::string(lemma.substr(p))};
}

}  // namespace

Lemmatizer train_lemmatizer(const std::vector<Sentence>& train) {
  std::map<std::string, std::map<std::string, int>> exact, lowered, feats_exact, feats_tag;
  std::map<std::string, std::map<std::pair<uint32_t, std::string>, int>> suffix;
  std::map<std::string, std::map<bool, int>> keep;
  for (const Sentence& s : train)
    for (const Token& t : s.tokens) {
      if (t.lemma.empty()) continue;
      const std::string lower = lower_ascii(t.form), lemma_lower = lower_ascii(t.lemma);
      ++exact[t.form + '\t' + t.xpos][t.lemma];
      ++lowered[lower + '\t' + t.xpos][t.lemma];
      Lemmatizer::Rule r = rule_for(lower, lemma_lower);
      const bool kept = apply_lemma_rule(t.form, r) == t.lemma;
      const bool lowered_ok = apply_lemma_rule(lower, r) == t.lemma;
      if (kept != lowered_ok) ++keep[t.xpos][kept];
      for (int len = 0; len <= Lemmatizer::kMaxSuffix && len <= static_cast<int>(lower.size()); ++len)
        ++suffix[t.xpos + '\t' + lower.substr(lower.size() - len)][{r.strip, r.append}];
      const std::string tag = t.xpos + '\t' + t.upos;
      ++feats_exact[lower + '\t' + tag][t.feats];
      ++feats_tag[tag][t.feats];
    }
  Lemmatizer::Data d;
  d.exact = majority(exact);
  d.lowered = majority(lowered);
  // Suffix rules: the most frequent rule of each (XPOS, suffix) key.
  auto best_suffix = majority(suffix);
  std::map<std::pair<uint32_t, std::string>, uint32_t> rule_index;
  for (auto& [k, r] : best_suffix) {
    auto [it, fresh] = rule_index.emplace(r, static_cast<uint32_t>(d.rules.size()));
    if (fresh) d.rules.push_back({r.first, r.second});
    d.suffix_rule.emplace(k, it->second);
  }
  for (auto& [k, v] : majority(keep)) d.keep_case.emplace(k, v);
  d.feats_exact = majority(feats_exact);
  d.feats_tag = majority(feats_tag);
  return Lemmatizer(std::move(d));
}

}  // namespace dyad::syntax
