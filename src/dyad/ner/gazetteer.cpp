#include "dyad/ner/gazetteer.h"

#include <algorithm>

#include "dyad/syntax/linear_model.h"

namespace dyad::ner {

uint64_t Gazetteer::token_hash(std::string_view form) {
  std::string lower(form);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return syntax::hash_bytes(lower);
}

void Gazetteer::add(const std::vector<std::string>& tokens, GazType type) {
  if (tokens.empty() || tokens.size() > kGazMaxLength) return;
  uint64_t seq = 0;
  for (const auto& t : tokens) seq = extend(seq, token_hash(t));
  entries_.push_back({seq, 1u << static_cast<int>(type)});
  max_length_ = std::max<uint32_t>(max_length_, static_cast<uint32_t>(tokens.size()));
}

void Gazetteer::finish() {
  std::sort(entries_.begin(), entries_.end());
  std::vector<std::pair<uint64_t, uint32_t>> merged;
  for (const auto& e : entries_) {
    if (!merged.empty() && merged.back().first == e.first)
      merged.back().second |= e.second;
    else
      merged.push_back(e);
  }
  entries_ = std::move(merged);
}

uint32_t Gazetteer::lookup(uint64_t seq) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), std::pair<uint64_t, uint32_t>{seq, 0});
  return it != entries_.end() && it->first == seq ? it->second : 0;
}

void Gazetteer::match(const std::vector<std::string_view>& forms, std::vector<GazMask>& out) const {
  const size_t n = forms.size();
  out.assign(n, 0);
  if (entries_.empty()) return;
  std::vector<uint64_t> hashes(n);
  for (size_t i = 0; i < n; ++i) hashes[i] = token_hash(forms[i]);
  for (size_t i = 0; i < n; ++i) {
    uint64_t seq = 0;
    for (size_t len = 1; len <= max_length_ && i + len <= n; ++len) {
      seq = extend(seq, hashes[i + len - 1]);
      uint32_t types = lookup(seq);
      for (int t = 0; types; ++t, types >>= 1) {
        if (!(types & 1)) continue;
        if (len == 1) {
          out[i] |= GazMask{1} << (4 * t);
          continue;
        }
        out[i] |= GazMask{1} << (4 * t + 1);
        for (size_t k = i + 1; k + 1 < i + len; ++k) out[k] |= GazMask{1} << (4 * t + 2);
        out[i + len - 1] |= GazMask{1} << (4 * t + 3);
      }
    }
  }
}

void Gazetteer::save(syntax::ByteWriter& w) const {
  w.u32(max_length_);
  std::vector<uint64_t> keys;
  std::vector<uint32_t> types;
  for (const auto& [k, t] : entries_) {
    keys.push_back(k);
    types.push_back(t);
  }
  w.vec(keys);
  w.vec(types);
}

Gazetteer Gazetteer::load(syntax::ByteReader& r) {
  Gazetteer g;
  g.max_length_ = r.u32();
  if (g.max_length_ > kGazMaxLength) r.fail("bad gazetteer entry length");
  auto keys = r.vec<uint64_t>();
  auto types = r.vec<uint32_t>();
  if (keys.size() != types.size()) r.fail("gazetteer arrays differ in size");
  g.entries_.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i > 0 && keys[i] <= keys[i - 1]) r.fail("gazetteer keys not sorted");
    if (types[i] == 0 || types[i] >= (1u << kNumGazTypes)) r.fail("bad gazetteer type");
    g.entries_.push_back({keys[i], types[i]});
  }
  return g;
}

}  // namespace dyad::ner
