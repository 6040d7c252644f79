// Reading the project's tab-separated knowledge files: comments (#) and blank lines
// skipped, every row knows its file:line so errors and events can cite it.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace dyad {

struct TsvRow {
  std::string file;   // path as given
  size_t line = 0;    // 1-based
  std::vector<std::string> fields;
  std::string where() const;   // "verbs.tsv:12" (file name without directories)
  const std::string& field(size_t i) const;  // empty string when missing
};

// Calls fn for every data row. Throws std::runtime_error if the file can't be read.
void for_each_tsv_row(const std::string& path, const std::function<void(const TsvRow&)>& fn);

std::vector<std::string> split(const std::string& s, char sep);
std::string trim(const std::string& s);

}  // namespace dyad
