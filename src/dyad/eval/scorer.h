// `dyad eval`: the same levels as ../shared/eval/score.py (dyad_root, role_root,
// root_only, detection), computed the same way, plus the sentences in error.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace dyad {

struct LevelScore {
  size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0.0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct SentenceError {
  std::string doc_id;
  size_t index = 0;
  std::string text;
  std::vector<std::string> missed, extra;  // dyad_root tuples "SRC TGT ROOT"
};

struct EvalResult {
  std::map<std::string, LevelScore> levels;  // dyad_root, role_root, root_only, detection
  size_t unmatched = 0;
  std::vector<SentenceError> errors;
};

// Throws std::runtime_error on unreadable gold or events.
EvalResult evaluate(const std::string& gold_dir, const std::string& events_path);

std::string format_eval(const EvalResult& r, bool json);

}  // namespace dyad
