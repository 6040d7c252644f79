// What a cooperative act put in a certain future is coded as (data/events/future_codes.tsv):
// "Iran will release the sailors" is the intent 0353, "Putin would not attend the talks"
// the rejection 125 (CONVENTIONS: a certain plan is coded as the intent it reports).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "dyad/events/codebook.h"

namespace dyad {

class FutureCodes {
 public:
  // Throws std::runtime_error naming file:line.
  static FutureCodes load(const std::string& path, const Codebook& codebook);
  static std::vector<std::string> check(const std::string& path, const Codebook& codebook);

  void add(const std::string& prefix, const std::string& intent, const std::string& refusal);
  // The intent / refusal code of an act's code (longest prefix), or "" when the act has none.
  std::string intent_of(const std::string& code) const { return lookup(code, false); }
  std::string refusal_of(const std::string& code) const { return lookup(code, true); }

 private:
  std::string lookup(const std::string& code, bool refusal) const;
  std::unordered_map<std::string, std::pair<std::string, std::string>> by_prefix_;
};

}  // namespace dyad
