#include "dyad/ner/ner_evaluation.h"

#include <algorithm>
#include <cstdio>

namespace dyad::ner {

namespace {

bool scored(const EntitySpan& s) { return s.type != EntityType::Other; }

}  // namespace

void NerScores::add(const std::vector<EntitySpan>& gold, const std::vector<EntitySpan>& predicted) {
  for (const EntitySpan& p : predicted) {
    if (!scored(p)) continue;
    const bool hit = std::find(gold.begin(), gold.end(), p) != gold.end();
    NerCounts& c = per_type_[static_cast<int>(p.type)];
    (hit ? c.tp : c.fp) += 1;
  }
  for (const EntitySpan& g : gold) {
    if (!scored(g)) continue;
    if (std::find(predicted.begin(), predicted.end(), g) == predicted.end())
      per_type_[static_cast<int>(g.type)].fn += 1;
  }
}

NerCounts NerScores::overall() const {
  NerCounts all;
  for (int t = 0; t < kNumEntityTypes; ++t) {
    if (static_cast<EntityType>(t) == EntityType::Other) continue;
    all.tp += per_type_[t].tp;
    all.fp += per_type_[t].fp;
    all.fn += per_type_[t].fn;
  }
  return all;
}

std::string NerScores::report() const {
  std::string out = "  type      P       R       F1     gold  predicted  correct\n";
  char line[160];
  auto row = [&](const char* name, const NerCounts& c) {
    std::snprintf(line, sizeof(line), "  %-7s %6.2f  %6.2f  %6.2f  %6zu  %9zu  %7zu\n", name,
                  100 * c.precision(), 100 * c.recall(), 100 * c.f1(), c.tp + c.fn, c.tp + c.fp, c.tp);
    out += line;
  };
  for (EntityType t : {EntityType::Per, EntityType::Org, EntityType::Loc})
    row(entity_type_name(t), type(t));
  row("overall", overall());
  return out;
}

}  // namespace dyad::ner
