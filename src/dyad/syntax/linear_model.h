// A sparse multi-class linear model: hashed feature -> short list of (class, weight).
// Used by the tagger and the parser at run time. Immutable after load, so it can be
// shared by threads. Rows live in an open-addressing table that is saved as is, so
// loading is a few array reads; at load (and build) a run-time copy of the rows is
// laid out for scoring: frequent long rows as dense int16 vectors added with SIMD,
// the others as (class byte, int16 weight) runs. Weights are integers until the
// end of a batch, so the layout cannot change a score.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "dyad/syntax/model_file.h"

namespace dyad::syntax {

// 64-bit feature hashing. A feature is a template id combined with a few atoms.
inline uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}
inline uint64_t hash_bytes(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return mix64(h ^ s.size());
}
inline uint64_t feat(uint64_t tmpl, uint64_t a) {
  uint64_t h = mix64(tmpl * 0x9e3779b97f4a7c15ULL + a);
  return h ? h : 1;
}
inline uint64_t feat(uint64_t tmpl, uint64_t a, uint64_t b) {
  return feat(tmpl, mix64(a + 0x632be59bd9b4e019ULL) ^ (b * 0x85ebca77c2b2ae63ULL + 1));
}
inline uint64_t feat(uint64_t tmpl, uint64_t a, uint64_t b, uint64_t c) {
  return feat(tmpl, mix64(a + 0x632be59bd9b4e019ULL) ^ (b * 0x85ebca77c2b2ae63ULL + 1),
              c * 0x27d4eb2f165667c5ULL + 7);
}

// A zero-initialised array in 2 MB-aligned memory advised for transparent huge pages:
// the run-time tables are probed at random, and 4 KB pages would cost a TLB miss on
// most probes.
template <typename T>
class HugeArray {
 public:
  HugeArray() = default;
  explicit HugeArray(size_t n) { reset(n); }
  HugeArray(const HugeArray& o) { *this = o; }
  HugeArray(HugeArray&& o) noexcept : p_(o.p_), n_(o.n_) { o.p_ = nullptr, o.n_ = 0; }
  HugeArray& operator=(const HugeArray& o) {
    if (this != &o) {
      reset(o.n_);
      if (n_) std::memcpy(static_cast<void*>(p_), o.p_, n_ * sizeof(T));
    }
    return *this;
  }
  HugeArray& operator=(HugeArray&& o) noexcept {
    std::swap(p_, o.p_);
    std::swap(n_, o.n_);
    return *this;
  }
  ~HugeArray() { std::free(p_); }
  void reset(size_t n);  // n zeroed elements
  T* data() { return p_; }
  const T* data() const { return p_; }
  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  T& operator[](size_t i) { return p_[i]; }
  const T& operator[](size_t i) const { return p_[i]; }

 private:
  T* p_ = nullptr;
  size_t n_ = 0;
};

class LinearModel {
 public:
  struct Row {
    uint64_t key;
    std::vector<std::pair<uint16_t, float>> entries;  // (class, weight)
  };

  LinearModel() = default;
  // Weights are quantized to 16 bits (one scale per model).
  static LinearModel build(uint32_t num_classes, std::vector<Row> rows);

  uint32_t num_classes() const { return num_classes_; }
  size_t num_features() const { return num_rows_; }
  size_t num_weights() const { return entries_.size(); }

  // scores[0..num_classes) = sum of the rows of the features (missing ones add nothing).
  void score(const uint64_t* feats, size_t n, float* scores) const;
  // Starts loading the hash-table slots of the features (a hint; no effect on results).
  void prefetch(const uint64_t* feats, size_t n) const {
    if (rt_slots_.empty()) return;
    for (size_t i = 0; i < n; ++i) __builtin_prefetch(&rt_slots_[home(feats[i])]);
  }

  void save(ByteWriter& w) const;
  static LinearModel load(ByteReader& r);

 private:
  void build_runtime();  // fills rt_slots_, arena_ from slots_ and entries_
  // Home slot of a key: its low 32 bits mapped onto [0, capacity) by multiply-shift
  // (any capacity, no power-of-two waste); the slot keeps the high 32 bits as a fingerprint and
  // the row's first entry (24 bits) and length (8 bits), so one lookup touches one
  // 8-byte slot and one run of packed entries.
  struct Slot {
    uint32_t fingerprint;  // 0 = empty
    uint32_t start_len;
  };
  // Entry: class id in the high 16 bits, quantized weight (int16) in the low 16.
  static uint32_t fingerprint(uint64_t key) {
    uint32_t f = static_cast<uint32_t>(key >> 32);
    return f ? f : 1;
  }
  uint64_t home(uint64_t key) const { return ((key & 0xffffffffULL) * slots_.size()) >> 32; }
  static constexpr uint32_t kMaxEntries = 1u << 24;
  static constexpr size_t kMaxBatch = 512;

  uint32_t num_classes_ = 0;
  size_t num_rows_ = 0;
  float scale_ = 1.0f;
  std::vector<Slot> slots_;        // as saved
  std::vector<uint32_t> entries_;  // as saved
  // Run-time layout (same slots, same probing; payload = row offset in 16-bit units of
  // arena_, bit 31 set for a dense row of padded_classes_ weights). A sparse row is
  // [len][len classes as bytes][pad to even][len int16 weights] in 16-bit units, the
  // class bytes packed two per unit. Only for num_classes_ <= 256.
  HugeArray<Slot> rt_slots_;
  HugeArray<int16_t> arena_;
  uint32_t padded_classes_ = 0;  // num_classes_ rounded up to 16
};

}  // namespace dyad::syntax
