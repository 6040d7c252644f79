#include "dyad/events/future_codes.h"

#include <stdexcept>

#include "dyad/core/tsv.h"

namespace dyad {

std::vector<std::string> FutureCodes::check(const std::string& path, const Codebook& codebook) {
  std::vector<std::string> problems;
  for_each_tsv_row(path, [&](const TsvRow& row) {
    if (row.fields.size() != 3) {
      problems.push_back(row.where() + ": expected PREFIX<TAB>INTENT<TAB>REFUSAL");
      return;
    }
    for (size_t f = 0; f < 3; ++f)
      if (!codebook.contains(row.field(f)))
        problems.push_back(row.where() + ": unknown CAMEO code '" + row.field(f) + "'");
  });
  return problems;
}

FutureCodes FutureCodes::load(const std::string& path, const Codebook& codebook) {
  const auto problems = check(path, codebook);
  if (!problems.empty()) throw std::runtime_error(problems.front());
  FutureCodes codes;
  for_each_tsv_row(path, [&](const TsvRow& row) { codes.add(row.field(0), row.field(1), row.field(2)); });
  return codes;
}

void FutureCodes::add(const std::string& prefix, const std::string& intent, const std::string& refusal) {
  by_prefix_[prefix] = {intent, refusal};
}

std::string FutureCodes::lookup(const std::string& code, bool refusal) const {
  for (size_t len = code.size(); len >= 2; --len) {
    auto it = by_prefix_.find(code.substr(0, len));
    if (it != by_prefix_.end()) return refusal ? it->second.second : it->second.first;
  }
  return {};
}

}  // namespace dyad
