#include "dyad/core/tsv.h"

#include <fstream>
#include <stdexcept>

namespace dyad {

std::string TsvRow::where() const {
  const auto slash = file.find_last_of('/');
  return (slash == std::string::npos ? file : file.substr(slash + 1)) + ":" + std::to_string(line);
}

const std::string& TsvRow::field(size_t i) const {
  static const std::string empty;
  return i < fields.size() ? fields[i] : empty;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t pos = s.find(sep, start);
    out.push_back(s.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
    if (pos == std::string::npos) break;
    start = pos + 1;
  }
  return out;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

void for_each_tsv_row(const std::string& path, const std::function<void(const TsvRow&)>& fn) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::string line;
  TsvRow row;
  row.file = path;
  while (std::getline(in, line)) {
    ++row.line;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    row.fields = split(line, '\t');
    for (auto& f : row.fields) f = trim(f);
    while (!row.fields.empty() && row.fields.back().empty()) row.fields.pop_back();
    fn(row);
  }
}

}  // namespace dyad
