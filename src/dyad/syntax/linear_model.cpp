#include "dyad/syntax/linear_model.h"

#include <algorithm>
#include <cmath>
#include <new>
#include <stdexcept>

#include <sys/mman.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

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
  m.build_runtime();
  return m;
}

namespace {

// Rows at least this long are stored dense (a fraction of the classes: the bias and
// tag-only features, hit at nearly every step and so always in cache).
// (A dense row costs num_classes / 16 vector additions, a sparse one a scalar addition
// per entry; measured best at about num_classes / 8.)
uint32_t dense_threshold(uint32_t num_classes) { return std::max<uint32_t>(8, num_classes / 8); }

// acc[0..padded) += the int16 rows (padded: a multiple of 16). Integer sums, so the
// order of the additions (SIMD lanes, rows) cannot change the result.
#if !defined(__x86_64__)
void add_dense_scalar(const int16_t* const* rows, size_t count, uint32_t padded, int32_t* acc) {
  for (size_t r = 0; r < count; ++r)
    for (uint32_t c = 0; c < padded; ++c) acc[c] += rows[r][c];
}
#else
void add_dense_sse2(const int16_t* const* rows, size_t count, uint32_t padded, int32_t* acc) {
  for (uint32_t c = 0; c < padded; c += 8) {
    __m128i a0 = _mm_load_si128(reinterpret_cast<const __m128i*>(acc + c));
    __m128i a1 = _mm_load_si128(reinterpret_cast<const __m128i*>(acc + c + 4));
    for (size_t r = 0; r < count; ++r) {
      const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(rows[r] + c));
      a0 = _mm_add_epi32(a0, _mm_srai_epi32(_mm_unpacklo_epi16(w, w), 16));
      a1 = _mm_add_epi32(a1, _mm_srai_epi32(_mm_unpackhi_epi16(w, w), 16));
    }
    _mm_store_si128(reinterpret_cast<__m128i*>(acc + c), a0);
    _mm_store_si128(reinterpret_cast<__m128i*>(acc + c + 4), a1);
  }
}

__attribute__((target("avx2")))
void add_dense_avx2(const int16_t* const* rows, size_t count, uint32_t padded, int32_t* acc) {
  for (uint32_t c = 0; c < padded; c += 16) {
    __m256i a0 = _mm256_load_si256(reinterpret_cast<const __m256i*>(acc + c));
    __m256i a1 = _mm256_load_si256(reinterpret_cast<const __m256i*>(acc + c + 8));
    for (size_t r = 0; r < count; ++r) {
      const __m128i* w = reinterpret_cast<const __m128i*>(rows[r] + c);
      a0 = _mm256_add_epi32(a0, _mm256_cvtepi16_epi32(_mm_loadu_si128(w)));
      a1 = _mm256_add_epi32(a1, _mm256_cvtepi16_epi32(_mm_loadu_si128(w + 1)));
    }
    _mm256_store_si256(reinterpret_cast<__m256i*>(acc + c), a0);
    _mm256_store_si256(reinterpret_cast<__m256i*>(acc + c + 8), a1);
  }
}
#endif

using AddDense = void (*)(const int16_t* const*, size_t, uint32_t, int32_t*);
const AddDense add_dense = [] {
#if defined(__x86_64__)
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") ? &add_dense_avx2 : &add_dense_sse2;
#else
  return &add_dense_scalar;
#endif
}();

}  // namespace

template <typename T>
void HugeArray<T>::reset(size_t n) {
  std::free(p_);
  p_ = nullptr;
  n_ = 0;
  if (n == 0) return;
  constexpr size_t kHuge = size_t{2} << 20;
  const size_t bytes = n * sizeof(T);
  const size_t rounded = bytes >= kHuge ? (bytes + kHuge - 1) / kHuge * kHuge : (bytes + 63) / 64 * 64;
  p_ = static_cast<T*>(std::aligned_alloc(bytes >= kHuge ? kHuge : 64, rounded));
  if (!p_) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  if (bytes >= kHuge) madvise(p_, rounded, MADV_HUGEPAGE);  // advice only: failure is harmless
#endif
  std::memset(static_cast<void*>(p_), 0, bytes);
  n_ = n;
}

template class HugeArray<int16_t>;
template class HugeArray<LinearModel::Slot>;

void LinearModel::build_runtime() {
  rt_slots_.reset(0);
  arena_.reset(0);
  padded_classes_ = (num_classes_ + 15) / 16 * 16;
  if (num_classes_ == 0 || num_classes_ > 256) return;
  const uint32_t threshold = dense_threshold(num_classes_);
  // A row is dense when it is long and has one weight per class (always so in saved
  // models; a row of a bad file with a repeated class stays sparse).
  auto is_dense = [&](const Slot& s) {
    const uint32_t len = s.start_len & 0xff;
    if (len < threshold) return false;
    const uint32_t* e = entries_.data() + (s.start_len >> 8);
    uint64_t seen[4] = {};
    for (uint32_t j = 0; j < len; ++j) {
      const uint32_t c = e[j] >> 16;
      if (seen[c >> 6] >> (c & 63) & 1) return false;
      seen[c >> 6] |= uint64_t{1} << (c & 63);
    }
    return true;
  };
  // Pass 1: offsets (payloads).
  rt_slots_.reset(slots_.size());
  size_t units = 0;
  for (size_t i = 0; i < slots_.size(); ++i) {
    const Slot& s = slots_[i];
    if (s.fingerprint == 0) continue;
    const uint32_t len = s.start_len & 0xff;
    uint32_t payload;
    if (is_dense(s)) {
      units = (units + 7) / 8 * 8;  // 16-byte aligned
      payload = static_cast<uint32_t>(units) | 0x80000000u;
      units += padded_classes_;
    } else {
      payload = static_cast<uint32_t>(units);
      units += 1 + (len + 1) / 2 + len;
    }
    if (units >= 0x80000000u) throw std::length_error("linear model too large");
    rt_slots_[i] = {s.fingerprint, payload};
  }
  // Pass 2: the rows.
  arena_.reset(units);
  int16_t* arena = arena_.data();
  for (size_t i = 0; i < slots_.size(); ++i) {
    const Slot& s = slots_[i];
    if (s.fingerprint == 0) continue;
    const uint32_t* e = entries_.data() + (s.start_len >> 8);
    const uint32_t len = s.start_len & 0xff;
    const uint32_t payload = rt_slots_[i].start_len;
    int16_t* row = arena + (payload & 0x7fffffffu);
    if (payload & 0x80000000u) {
      for (uint32_t j = 0; j < len; ++j) row[e[j] >> 16] = static_cast<int16_t>(e[j] & 0xffff);
    } else {
      row[0] = static_cast<int16_t>(len);
      auto* cls = reinterpret_cast<uint8_t*>(row + 1);
      int16_t* w = row + 1 + (len + 1) / 2;
      for (uint32_t j = 0; j < len; ++j) {
        cls[j] = static_cast<uint8_t>(e[j] >> 16);
        w[j] = static_cast<int16_t>(e[j] & 0xffff);
      }
    }
  }
}

void LinearModel::score(const uint64_t* feats, size_t n, float* scores) const {
  std::fill(scores, scores + num_classes_, 0.0f);
  if (slots_.empty()) return;
  const uint64_t cap = slots_.size();
  if (!rt_slots_.empty()) {
    // Run-time layout. Three passes so that the cache misses of all features overlap:
    // prefetch the home slots, probe them (prefetching the rows found), add the rows.
    const Slot* slots = rt_slots_.data();
    const int16_t* arena = arena_.data();
    uint32_t sparse[kMaxBatch];
    const int16_t* dense[kMaxBatch];
    alignas(64) int32_t acc[256];
    for (size_t base = 0; base < n; base += kMaxBatch) {
      const size_t m = std::min(kMaxBatch, n - base);
      for (size_t i = 0; i < m; ++i) __builtin_prefetch(&slots[home(feats[base + i])]);
      size_t ns = 0, nd = 0;
      for (size_t i = 0; i < m; ++i) {
        const uint64_t key = feats[base + i];
        const uint32_t fp = fingerprint(key);
        for (uint64_t slot = home(key);; slot = slot + 1 == cap ? 0 : slot + 1) {
          const Slot& s = slots[slot];
          if (s.fingerprint == fp) {
            const uint32_t p = s.start_len;
            if (p & 0x80000000u) {
              const int16_t* row = arena + (p & 0x7fffffffu);
              dense[nd++] = row;
              for (uint32_t b = 0; b < padded_classes_; b += 32) __builtin_prefetch(row + b);
            } else {
              sparse[ns++] = p;
              __builtin_prefetch(arena + p);
            }
            break;
          }
          if (s.fingerprint == 0) break;
        }
      }
      std::fill(acc, acc + padded_classes_, 0);
      add_dense(dense, nd, padded_classes_, acc);
      for (size_t h = 0; h < ns; ++h) {
        const int16_t* row = arena + sparse[h];
        const uint32_t len = static_cast<uint16_t>(row[0]);
        const auto* cls = reinterpret_cast<const uint8_t*>(row + 1);
        const int16_t* w = row + 1 + (len + 1) / 2;
        for (uint32_t j = 0; j < len; ++j) acc[cls[j]] += w[j];
      }
      for (uint32_t c = 0; c < num_classes_; ++c) scores[c] += static_cast<float>(acc[c]) * scale_;
    }
    return;
  }
  const Slot* slots = slots_.data();
  const uint32_t* entries = entries_.data();
  // Three passes so that the cache misses of all features overlap.
  uint32_t found[kMaxBatch];
  for (size_t base = 0; base < n; base += kMaxBatch) {
    const size_t m = std::min(kMaxBatch, n - base);
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
  m.build_runtime();
  return m;
}

}  // namespace dyad::syntax
