#include "dyad/syntax/perceptron_trainer.h"

#include <algorithm>
#include <cmath>

namespace dyad::syntax {

void PerceptronTrainer::score(const uint64_t* feats, size_t n, float* scores) const {
  std::fill(scores, scores + num_classes_, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    auto it = rows_.find(feats[i]);
    if (it == rows_.end()) continue;
    for (const Entry& e : it->second.entries) scores[e.cls] += e.w;
  }
}

void PerceptronTrainer::add(std::vector<Entry>& row, uint32_t cls, float delta) {
  for (Entry& e : row) {
    if (e.cls == cls) {
      e.total += static_cast<double>(time_ - e.stamp) * e.w;
      e.stamp = time_;
      e.w += delta;
      return;
    }
  }
  row.push_back({static_cast<uint16_t>(cls), delta, 0.0, time_});
}

void PerceptronTrainer::update(const uint64_t* feats, size_t n, uint32_t gold, uint32_t pred) {
  if (gold == pred) return;
  for (size_t i = 0; i < n; ++i) {
    TrainRow& row = rows_[feats[i]];
    ++row.updates;
    add(row.entries, gold, 1.0f);
    add(row.entries, pred, -1.0f);
  }
}

LinearModel PerceptronTrainer::averaged(float prune, uint32_t min_updates) const {
  std::vector<LinearModel::Row> rows;
  rows.reserve(rows_.size());
  for (const auto& [key, train_row] : rows_) {
    if (train_row.updates < min_updates) continue;
    LinearModel::Row row{key, {}};
    for (const Entry& e : train_row.entries) {
      double total = e.total + static_cast<double>(time_ - e.stamp) * e.w;
      float avg = static_cast<float>(total / static_cast<double>(time_));
      if (std::fabs(avg) >= prune) row.entries.push_back({e.cls, avg});
    }
    if (!row.entries.empty()) rows.push_back(std::move(row));
  }
  return LinearModel::build(num_classes_, std::move(rows));
}

LinearModel PerceptronTrainer::averaged(const std::vector<const PerceptronTrainer*>& members, float prune,
                                        uint32_t min_updates) {
  if (members.empty()) return LinearModel::build(0, {});
  const uint32_t k = members[0]->num_classes_;
  struct Sum {
    uint32_t updates = 0;
    std::vector<double> w;
  };
  std::unordered_map<uint64_t, Sum> sums;
  for (const PerceptronTrainer* m : members) {
    for (const auto& [key, train_row] : m->rows_) {
      Sum& s = sums[key];
      if (s.w.empty()) s.w.assign(k, 0.0);
      s.updates += train_row.updates;
      for (const Entry& e : train_row.entries)
        s.w[e.cls] += (e.total + static_cast<double>(m->time_ - e.stamp) * e.w) / static_cast<double>(m->time_);
    }
  }
  std::vector<LinearModel::Row> rows;
  rows.reserve(sums.size());
  const double n = static_cast<double>(members.size());
  for (const auto& [key, s] : sums) {
    if (s.updates < min_updates) continue;
    LinearModel::Row row{key, {}};
    for (uint32_t c = 0; c < k; ++c) {
      const float avg = static_cast<float>(s.w[c] / n);
      if (avg != 0.0f && std::fabs(avg) >= prune) row.entries.push_back({static_cast<uint16_t>(c), avg});
    }
    if (!row.entries.empty()) rows.push_back(std::move(row));
  }
  return LinearModel::build(k, std::move(rows));
}

}  // namespace dyad::syntax
