// Runs every stage on one article: split and tokenize, tag and parse (when a model is
// loaded), recognise actors (with coreference across the article), code events.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <stdexcept>

#include "dyad/core/document.h"
#include "dyad/pipeline/resources.h"

namespace dyad {

// Thrown by DocumentCoder::code when the article's deadline has passed (checked before
// every sentence, so one sentence at most runs late: sentences are bounded in tokens).
struct ArticleTimeout : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Seconds spent in each stage, summed over the articles (and threads) of a run:
// `DYAD_STAGE_TIMES=1 dyad code ... --report r.json` puts them in the report.
struct StageTimes {
  static constexpr int kStages = 7;
  static constexpr const char* kNames[kStages] = {"split", "tag", "lemma", "parse", "actors", "events", "context"};
  std::atomic<uint64_t> ns[kStages] = {};
  void add(int stage, double seconds) { ns[stage].fetch_add(static_cast<uint64_t>(seconds * 1e9), std::memory_order_relaxed); }
  double seconds(int stage) const { return static_cast<double>(ns[stage].load()) * 1e-9; }
};

class DocumentCoder {
 public:
  using Clock = std::chrono::steady_clock;
  // times: when set, every stage is timed and its seconds added there.
  explicit DocumentCoder(const Resources* resources, StageTimes* times = nullptr) : r_(resources), times_(times) {}
  // deadline: give up (ArticleTimeout) on an article still being coded then.
  void code(Document& doc, Clock::time_point deadline = Clock::time_point::max()) const;

 private:
  const Resources* r_;
  StageTimes* times_;
};

}  // namespace dyad
