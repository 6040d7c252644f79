#include "dyad/syntax/lemmatizer.h"

#include <algorithm>

#include "dyad/syntax/model_file.h"
#include "dyad/syntax/tagger.h"

namespace dyad::syntax {

namespace {

constexpr uint32_t kSectionTables = 20;

std::string key2(std::string_view a, std::string_view b) {
  std::string k;
  k.reserve(a.size() + b.size() + 1);
  k.append(a);
  k += '\t';
  k.append(b);
  return k;
}

void write_map(ByteWriter& w, const std::unordered_map<std::string, std::string>& m) {
  std::vector<std::pair<std::string, std::string>> v(m.begin(), m.end());
  std::sort(v.begin(), v.end());
  w.u64(v.size());
  for (auto& [k, x] : v) {
    w.str(k);
    w.str(x);
  }
}

std::unordered_map<std::string, std::string> read_map(ByteReader& r) {
  uint64_t n = r.u64();
  if (n > r.remaining()) r.fail("bad table size");
  std::unordered_map<std::string, std::string> m;
  m.reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    std::string k = r.str();
    m.emplace(std::move(k), r.str());
  }
  return m;
}

}  // namespace

std::string apply_lemma_rule(std::string_view form, const Lemmatizer::Rule& rule) {
  if (rule.strip > form.size()) return std::string(form);
  std::string out(form.substr(0, form.size() - rule.strip));
  out += rule.append;
  return out;
}

std::string Lemmatizer::lemma(std::string_view form, std::string_view xpos) const {
  std::string k = key2(form, xpos);
  if (auto it = d_.exact.find(k); it != d_.exact.end()) return it->second;
  std::string lower = lower_ascii(form);
  bool keep = false;
  if (auto it = d_.keep_case.find(std::string(xpos)); it != d_.keep_case.end()) keep = it->second;
  if (!keep) {
    if (auto it = d_.lowered.find(key2(lower, xpos)); it != d_.lowered.end()) return it->second;
  }
  // Unknown acronyms keep their case ("GISB"), as do proper nouns.
  size_t upper = 0;
  for (char c : form) upper += c >= 'A' && c <= 'Z';
  if (upper >= 2 && upper == form.size()) return std::string(form);
  const std::string base = keep ? std::string(form) : lower;
  for (int len = std::min<int>(kMaxSuffix, static_cast<int>(lower.size())); len >= 0; --len) {
    auto it = d_.suffix_rule.find(key2(xpos, std::string_view(lower).substr(lower.size() - len)));
    if (it == d_.suffix_rule.end()) continue;
    const Rule& rule = d_.rules[it->second];
    if (rule.strip >= base.size() && !base.empty()) continue;
    return apply_lemma_rule(base, rule);
  }
  return base;
}

std::string Lemmatizer::feats(std::string_view form, std::string_view xpos,
                              std::string_view upos) const {
  std::string tag = key2(xpos, upos);
  if (auto it = d_.feats_exact.find(key2(lower_ascii(form), tag)); it != d_.feats_exact.end())
    return it->second;
  if (auto it = d_.feats_tag.find(tag); it != d_.feats_tag.end()) return it->second;
  return {};
}

void Lemmatizer::lemmatize(Sentence& s) const {
  for (Token& t : s.tokens) {
    t.lemma = lemma(t.form, t.xpos);
    t.feats = feats(t.form, t.xpos, t.upos);
  }
}

void Lemmatizer::set_voice(Sentence& s) {
  const int n = static_cast<int>(s.tokens.size());
  std::vector<char> passive(n, 0);
  for (const Token& t : s.tokens)
    if (t.head >= 0 && t.head < n && (t.deprel == "aux:pass" || t.deprel == "nsubj:pass"))
      passive[t.head] = 1;
  for (int i = 0; i < n; ++i) {
    Token& t = s.tokens[i];
    if (t.xpos != "VBN") continue;
    // feats are sorted Name=Value pairs joined by '|'
    std::vector<std::string> parts;
    size_t start = 0;
    while (start < t.feats.size()) {
      size_t bar = t.feats.find('|', start);
      if (bar == std::string::npos) bar = t.feats.size();
      std::string p = t.feats.substr(start, bar - start);
      if (!p.starts_with("Voice=")) parts.push_back(p);
      start = bar + 1;
    }
    if (passive[i]) parts.push_back("Voice=Pass");
    std::sort(parts.begin(), parts.end(), [](const std::string& a, const std::string& b) {
      return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) < std::tolower(static_cast<unsigned char>(y));
      });
    });
    t.feats.clear();
    for (const auto& p : parts) {
      if (!t.feats.empty()) t.feats += '|';
      t.feats += p;
    }
  }
}

void Lemmatizer::save(const std::string& path, const std::string& provenance) const {
  ModelWriter mw(ModelKind::Lemmatizer);
  ByteWriter p;
  p.str(provenance);
  mw.add_section(kSectionProvenance, p.take());
  ByteWriter w;
  write_map(w, d_.exact);
  write_map(w, d_.lowered);
  std::vector<std::pair<std::string, uint32_t>> sr(d_.suffix_rule.begin(), d_.suffix_rule.end());
  std::sort(sr.begin(), sr.end());
  w.u64(sr.size());
  for (auto& [k, v] : sr) {
    w.str(k);
    w.u32(v);
  }
  w.u64(d_.rules.size());
  for (const Rule& r : d_.rules) {
    w.u32(r.strip);
    w.str(r.append);
  }
  std::vector<std::pair<std::string, bool>> kc(d_.keep_case.begin(), d_.keep_case.end());
  std::sort(kc.begin(), kc.end());
  w.u64(kc.size());
  for (auto& [k, v] : kc) {
    w.str(k);
    w.u8(v);
  }
  write_map(w, d_.feats_exact);
  write_map(w, d_.feats_tag);
  mw.add_section(kSectionTables, w.take());
  mw.save(path);
}

Lemmatizer Lemmatizer::load(const std::string& path) {
  ModelReader mr = ModelReader::open(path, ModelKind::Lemmatizer);
  ByteReader r = mr.section(kSectionTables);
  Data d;
  d.exact = read_map(r);
  d.lowered = read_map(r);
  uint64_t n = r.u64();
  if (n > r.remaining()) r.fail("bad rule table");
  for (uint64_t i = 0; i < n; ++i) {
    std::string k = r.str();
    d.suffix_rule.emplace(std::move(k), r.u32());
  }
  n = r.u64();
  if (n > r.remaining()) r.fail("bad rule list");
  for (uint64_t i = 0; i < n; ++i) {
    Rule rule;
    rule.strip = r.u32();
    rule.append = r.str();
    d.rules.push_back(std::move(rule));
  }
  for (auto& [k, v] : d.suffix_rule)
    if (v >= d.rules.size()) r.fail("rule index out of range");
  n = r.u64();
  if (n > r.remaining()) r.fail("bad case table");
  for (uint64_t i = 0; i < n; ++i) {
    std::string k = r.str();
    d.keep_case.emplace(std::move(k), r.u8() != 0);
  }
  d.feats_exact = read_map(r);
  d.feats_tag = read_map(r);
  return Lemmatizer(std::move(d));
}

}  // namespace dyad::syntax
