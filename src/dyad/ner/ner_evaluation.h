// Entity-level scores as conlleval / seqeval compute them: a predicted entity counts when
// its span and type both match a gold one; micro-averaged over PER, ORG and LOC (OTH is
// ignored on both sides).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dyad/ner/entity_types.h"

namespace dyad::ner {

struct NerCounts {
  size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0.0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

class NerScores {
 public:
  void add(const std::vector<EntitySpan>& gold, const std::vector<EntitySpan>& predicted);
  const NerCounts& type(EntityType t) const { return per_type_[static_cast<int>(t)]; }
  NerCounts overall() const;  // PER + ORG + LOC
  // A table: one line per type and "overall", precision/recall/F1 in percent and counts.
  std::string report() const;

 private:
  NerCounts per_type_[kNumEntityTypes];
};

}  // namespace dyad::ner
