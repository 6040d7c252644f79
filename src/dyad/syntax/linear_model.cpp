#include "dyad/syntax/linear_model.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace dyad::syntax {

LinearModel LinearModel::build(uint32_t num_classes, std::vector<Row> rows) {
  LinearModel m;
  m.num_classes_ = num_classes;
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.key < b.key; });
  float max_abs = 0;
  for (auto& r : rows) {
    if (r.entries.size() > 255) {  // keep the 255 largest weights of a row
      std::sort(r.entries.begin(), r.entries.end(),
                [](auto& a, auto& b) { return std::fabs(a.second) > std::fabs(b.second); });
      r.entries.resize(255);
    }
    std::sort(r.entries.begin(), r.entries.end());
    for (auto& e : r.entries) max_abs = std::max(max_abs, std::fabs(e.second));
  }
  m.scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  const size_t cap = rows.size() * 4 / 3 + 16;  // load factor <= 0.75
  m.num_rows_ = rows.size();
  m.slots_.assign(cap, Slot{0, 0});
  for (const Row& r : rows) {
    uint64_t slot = m.home(r.key);
    while (m.slots_[slot].fingerprint != 0) slot = slot + 1 == cap ? 0 : slot + 1;
    const size_t start = m.entries_.size();
    if (start + r.entries.size() >= kMaxEntries) throw std::length_error("linear model too large");
    m.slots_[slot] = {fingerprint(r.key),
                      static_cast<uint32_t>(start << 8 | r.entries.size())};
    for (auto [c, w] : r.entries) {
      auto q = static_cast<int16_t>(std::lround(w / m.scale_));
      m.entries_.push_back(static_cast<uint32_t>(c) << 16 | static_cast<uint16_t>(q));
    }
  }
  return m;
}

void LinearModel::score(const uint64_t* feats, size_t n, float* scores) const {
  std::fill(scores, scores + num_classes_, 0.0f);
  if (slots_.empty()) return;
  const Slot* slots = slots_.data();
  const uint32_t* entries = entries_.data();
  // Three passes so that the cache misses of all features overlap.
  uint32_t found[kMaxBatch];
  for (size_t base = 0; base < n; base += kMaxBatch) {
    const size_t m = std::min(kMaxBatch, n - base);
    const uint64_t cap = slots_.size();
    for (size_t i = 0; i < m; ++i) __builtin_prefetch(&slots[home(feats[base + i])]);
    size_t hits = 0;
    for (size_t i = 0; i < m; ++i) {
      const uint64_t key = feats[base + i];
      const uint32_t fp = fingerprint(key);
      for (uint64_t slot = home(key);; slot = slot + 1 == cap ? 0 : slot + 1) {
        const Slot& s = slots[slot];
        if (s.fingerprint == fp) {
          found[hits++] = s.start_len;
          __builtin_prefetch(&entries[s.start_len >> 8]);
          break;
        }
        if (s.fingerprint == 0) break;
      }
    }
    int32_t acc[1024];
    float* out = scores;
    if (num_classes_ <= 1024) {
      std::fill(acc, acc + num_classes_, 0);
      for (size_t h = 0; h < hits; ++h) {
        const uint32_t* e = entries + (found[h] >> 8);
        const uint32_t len = found[h] & 0xff;
        for (uint32_t j = 0; j < len; ++j)
          acc[e[j] >> 16] += static_cast<int16_t>(e[j] & 0xffff);
      }
      for (uint32_t c = 0; c < num_classes_; ++c) out[c] += static_cast<float>(acc[c]) * scale_;
    } else {
      for (size_t h = 0; h < hits; ++h) {
        const uint32_t* e = entries + (found[h] >> 8);
        const uint32_t len = found[h] & 0xff;
        for (uint32_t j = 0; j < len; ++j)
          out[e[j] >> 16] += static_cast<float>(static_cast<int16_t>(e[j] & 0xffff)) * scale_;
      }
    }
  }
}

void LinearModel::save(ByteWriter& w) const {
  w.u32(num_classes_);
  w.u64(num_rows_);
  w.f32(scale_);
  w.vec(slots_);
  w.vec(entries_);
}

LinearModel LinearModel::load(ByteReader& r) {
  LinearModel m;
  m.num_classes_ = r.u32();
  m.num_rows_ = r.u64();
  m.scale_ = r.f32();
  m.slots_ = r.vec<Slot>();
  m.entries_ = r.vec<uint32_t>();
  const size_t cap = m.slots_.size();
  if (cap == 0 || cap > (uint64_t{1} << 32)) r.fail("linear model: bad hash table size");
  if (!(m.scale_ > 0) || m.num_classes_ == 0 || m.num_classes_ > 65536)
    r.fail("linear model: bad header");
  const size_t entries = m.entries_.size();
  size_t empty = 0;
  for (const Slot& s : m.slots_) {
    if (s.fingerprint == 0) ++empty;
    else if (static_cast<size_t>(s.start_len >> 8) + (s.start_len & 0xff) > entries)
      r.fail("linear model: row out of range");
  }
  if (empty == 0) r.fail("linear model: full hash table");
  for (uint32_t e : m.entries_)
    if ((e >> 16) >= m.num_classes_) r.fail("linear model: class index out of range");
  return m;
}

}  // namespace dyad::syntax
