// Training-only: averaged multi-class perceptron over hashed features, producing a
// LinearModel. Deterministic: no randomness, and the output does not depend on hash
// table iteration order (rows are sorted by key when built).
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "dyad/syntax/linear_model.h"

namespace dyad::syntax {

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(uint32_t num_classes) : num_classes_(num_classes) {}

  uint32_t num_classes() const { return num_classes_; }
  // Current (non-averaged) weights.
  void score(const uint64_t* feats, size_t n, float* scores) const;
  // Moves weight from `pred` to `gold` on every feature, then advances time.
  void update(const uint64_t* feats, size_t n, uint32_t gold, uint32_t pred);
  // Advances the averaging clock by one example (call once per example seen).
  void tick() { ++time_; }
  // Averaged weights; entries with |w| < prune are dropped, and so are features that
  // took part in fewer than min_updates updates.
  LinearModel averaged(float prune = 1e-3f, uint32_t min_updates = 1) const;
  // The mean of several trainers' averaged weights (a feature a member lacks counts as
  // 0 there): since scores are linear in the weights, the model scores as the mean of
  // the members' scores, an ensemble at the run-time cost of one model. Pruning applies
  // to the mean; min_updates to the updates summed over the members.
  static LinearModel averaged(const std::vector<const PerceptronTrainer*>& members, float prune = 1e-3f,
                              uint32_t min_updates = 1);

 private:
  struct Entry {
    uint16_t cls;
    float w;
    double total;
    uint64_t stamp;
  };
  void add(std::vector<Entry>& row, uint32_t cls, float delta);

  uint32_t num_classes_;
  uint64_t time_ = 1;
  struct TrainRow {
    uint32_t updates = 0;
    std::vector<Entry> entries;
  };
  std::unordered_map<uint64_t, TrainRow> rows_;
};

}  // namespace dyad::syntax

namespace dyad::syntax {

// Small deterministic random generator (splitmix64): same seed, same sequence on
// every platform, unlike std:: distributions.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[next() % i]);
  }

 private:
  uint64_t state_;
};

}  // namespace dyad::syntax
