#include "dyad/syntax/linear_model.h"

#include <algorithm>

namespace dyad::syntax {

LinearModel LinearModel::build(uint32_t num_classes, std::vector<Row> rows) {
  LinearModel m;
  m.num_classes_ = num_classes;
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.key < b.key; });
  size_t cap = 16;
  while (cap < rows.size() * 2) cap <<= 1;
  m.mask_ = cap - 1;
  m.keys_.assign(cap, 0);
  m.slot_row_.assign(cap, 0);
  m.row_start_.push_back(0);
  for (size_t i = 0; i < rows.size(); ++i) {
    uint64_t slot = rows[i].key & m.mask_;
    while (m.keys_[slot] != 0) slot = (slot + 1) & m.mask_;
    m.keys_[slot] = rows[i].key;
    m.slot_row_[slot] = static_cast<uint32_t>(i);
    auto& e = rows[i].entries;
    std::sort(e.begin(), e.end());
    for (auto [c, w] : e) {
      m.classes_.push_back(c);
      m.weights_.push_back(w);
    }
    m.row_start_.push_back(static_cast<uint32_t>(m.classes_.size()));
  }
  return m;
}

void LinearModel::score(const uint64_t* feats, size_t n, float* scores) const {
  std::fill(scores, scores + num_classes_, 0.0f);
  if (keys_.empty()) return;
  const uint64_t* keys = keys_.data();
  for (size_t i = 0; i < n; ++i) {
    const uint64_t key = feats[i];
    uint64_t slot = key & mask_;
    while (true) {
      uint64_t k = keys[slot];
      if (k == key) {
        uint32_t row = slot_row_[slot];
        for (uint32_t j = row_start_[row], end = row_start_[row + 1]; j < end; ++j)
          scores[classes_[j]] += weights_[j];
        break;
      }
      if (k == 0) break;
      slot = (slot + 1) & mask_;
    }
  }
}

void LinearModel::save(ByteWriter& w) const {
  w.u32(num_classes_);
  w.vec(keys_);
  w.vec(slot_row_);
  w.vec(row_start_);
  w.vec(classes_);
  w.vec(weights_);
}

LinearModel LinearModel::load(ByteReader& r) {
  LinearModel m;
  m.num_classes_ = r.u32();
  m.keys_ = r.vec<uint64_t>();
  m.slot_row_ = r.vec<uint32_t>();
  m.row_start_ = r.vec<uint32_t>();
  m.classes_ = r.vec<uint16_t>();
  m.weights_ = r.vec<float>();
  const size_t cap = m.keys_.size();
  if (cap == 0 || (cap & (cap - 1)) != 0 || m.slot_row_.size() != cap)
    r.fail("linear model: bad hash table size");
  m.mask_ = cap - 1;
  if (m.row_start_.empty() || m.row_start_.front() != 0 ||
      m.row_start_.back() != m.classes_.size() || m.classes_.size() != m.weights_.size())
    r.fail("linear model: inconsistent rows");
  for (size_t i = 1; i < m.row_start_.size(); ++i)
    if (m.row_start_[i] < m.row_start_[i - 1]) r.fail("linear model: inconsistent rows");
  const size_t rows = m.row_start_.size() - 1;
  size_t empty = 0;
  for (size_t s = 0; s < cap; ++s) {
    if (m.keys_[s] == 0) ++empty;
    else if (m.slot_row_[s] >= rows) r.fail("linear model: bad row index");
  }
  if (empty == 0) r.fail("linear model: full hash table");
  for (uint16_t c : m.classes_)
    if (c >= m.num_classes_) r.fail("linear model: class index out of range");
  return m;
}

}  // namespace dyad::syntax
