#include "dyad/events/codebook.h"

#include <stdexcept>

#include "dyad/core/tsv.h"

namespace dyad {

Codebook Codebook::load(const std::string& path) {
  Codebook cb;
  for_each_tsv_row(path, [&](const TsvRow& row) {
    if (row.fields.size() < 4) throw std::runtime_error(row.where() + ": expected CODE LABEL GOLDSTEIN QUAD_CLASS ...");
    CodebookEntry e;
    e.code = row.field(0);
    if (e.code.size() < 2 || e.code.size() > 4) throw std::runtime_error(row.where() + ": malformed code '" + e.code + "'");
    e.label = row.field(1);
    try {
      e.goldstein = row.field(2).empty() ? 0.0 : std::stod(row.field(2));
      e.quad_class = std::stoi(row.field(3));
    } catch (const std::exception&) {
      throw std::runtime_error(row.where() + ": GOLDSTEIN and QUAD_CLASS must be numbers");
    }
    e.plover_category = row.field(4);
    e.plover_mode = row.field(5);
    for (const auto& c : split(row.field(6), '|'))
      if (!trim(c).empty()) e.plover_contexts.push_back(trim(c));
    cb.entries_[e.code] = std::move(e);
  });
  return cb;
}

const CodebookEntry* Codebook::find(const std::string& code) const {
  auto it = entries_.find(code);
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace dyad
