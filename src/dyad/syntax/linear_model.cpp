#include "dyad/syntax/linear_model.h"

#include <algorithm>
#include <cmath>

namespace dyad::syntax {

LinearModel LinearModel::build(uint32_t num_classes, std::vector<Row> rows) {
  LinearModel m;
  m.num_classes_ = num_classes;
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.key < b.key; });
  float max_abs = 0;
  for (auto& r : rows) {
    // keep the 255 largest weights of a row
    if (r.entries.size() > 255) {
      std::sort(r.entries.begin(), r.entries.end(),
                [](auto& a, auto& b) { return std::fabs(a.second) > std::fabs(b.second); });
      r.entries.resize(255);
    }
    std::sort(r.entries.begin(), r.entries.end());
    for (auto& e : r.entries) max_abs = std::max(max_abs, std::fabs(e.second));
  }
  m.scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  size_t cap = 16;
  while (cap * 3 < rows.size() * 4) cap <<= 1;  // load factor <= 0.75
  m.mask_ = cap - 1;
  m.num_rows_ = rows.size();
  m.fingerprints_.assign(cap, 0);
  m.row_start_.assign(cap, 0);
  m.row_length_.assign(cap, 0);
  const bool narrow = num_classes <= 256;
  for (const Row& r : rows) {
    uint64_t slot = r.key & m.mask_;
    while (m.fingerprints_[slot] != 0) slot = (slot + 1) & m.mask_;
    m.fingerprints_[slot] = fingerprint(r.key);
    m.row_start_[slot] = static_cast<uint32_t>(m.weights_.size());
    m.row_length_[slot] = static_cast<uint8_t>(r.entries.size());
    for (auto [c, w] : r.entries) {
      if (narrow) m.classes_.push_back(static_cast<uint8_t>(c));
      else m.classes16_.push_back(c);
      m.weights_.push_back(static_cast<int16_t>(std::lround(w / m.scale_)));
    }
  }
  return m;
}

void LinearModel::score(const uint64_t* feats, size_t n, float* scores) const {
  std::fill(scores, scores + num_classes_, 0.0f);
  if (fingerprints_.empty()) return;
  const uint32_t* fps = fingerprints_.data();
  const int16_t* w = weights_.data();
  const bool narrow = !classes_.empty() || classes16_.empty();
  for (size_t i = 0; i < n; ++i) {
    const uint64_t key = feats[i];
    const uint32_t fp = fingerprint(key);
    uint64_t slot = key & mask_;
    while (true) {
      const uint32_t f = fps[slot];
      if (f == fp) {
        const uint32_t begin = row_start_[slot], end = begin + row_length_[slot];
        if (narrow) {
          const uint8_t* c = classes_.data();
          for (uint32_t j = begin; j < end; ++j) scores[c[j]] += w[j];
        } else {
          const uint16_t* c = classes16_.data();
          for (uint32_t j = begin; j < end; ++j) scores[c[j]] += w[j];
        }
        break;
      }
      if (f == 0) break;
      slot = (slot + 1) & mask_;
    }
  }
  for (uint32_t c = 0; c < num_classes_; ++c) scores[c] *= scale_;
}

void LinearModel::save(ByteWriter& w) const {
  w.u32(num_classes_);
  w.u64(num_rows_);
  w.f32(scale_);
  w.vec(fingerprints_);
  w.vec(row_start_);
  w.vec(row_length_);
  w.vec(classes_);
  w.vec(classes16_);
  w.vec(weights_);
}

LinearModel LinearModel::load(ByteReader& r) {
  LinearModel m;
  m.num_classes_ = r.u32();
  m.num_rows_ = r.u64();
  m.scale_ = r.f32();
  m.fingerprints_ = r.vec<uint32_t>();
  m.row_start_ = r.vec<uint32_t>();
  m.row_length_ = r.vec<uint8_t>();
  m.classes_ = r.vec<uint8_t>();
  m.classes16_ = r.vec<uint16_t>();
  m.weights_ = r.vec<int16_t>();
  const size_t cap = m.fingerprints_.size();
  if (cap == 0 || (cap & (cap - 1)) != 0 || m.row_start_.size() != cap || m.row_length_.size() != cap)
    r.fail("linear model: bad hash table size");
  m.mask_ = cap - 1;
  const bool narrow = m.num_classes_ <= 256;
  const size_t entries = m.weights_.size();
  if ((narrow ? m.classes_.size() : m.classes16_.size()) != entries ||
      (narrow ? m.classes16_.size() : m.classes_.size()) != 0 || !(m.scale_ > 0))
    r.fail("linear model: inconsistent weights");
  size_t empty = 0;
  for (size_t s = 0; s < cap; ++s) {
    if (m.fingerprints_[s] == 0) ++empty;
    else if (static_cast<size_t>(m.row_start_[s]) + m.row_length_[s] > entries)
      r.fail("linear model: row out of range");
  }
  if (empty == 0) r.fail("linear model: full hash table");
  if (narrow) {
    for (uint8_t c : m.classes_)
      if (c >= m.num_classes_) r.fail("linear model: class index out of range");
  } else {
    for (uint16_t c : m.classes16_)
      if (c >= m.num_classes_) r.fail("linear model: class index out of range");
  }
  return m;
}

}  // namespace dyad::syntax
