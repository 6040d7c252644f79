#include "dyad/text/abbreviations.h"

#include <fstream>
#include <stdexcept>

#include "dyad/core/tsv.h"
#include "dyad/text/normalizer.h"

namespace dyad {

Abbreviations Abbreviations::load(const std::string& path) {
  Abbreviations a;
  for_each_tsv_row(path, [&](const TsvRow& row) {
    if (row.fields.size() != 2) throw std::runtime_error(row.where() + ": expected ABBREVIATION<TAB>KIND");
    Kind k;
    if (row.fields[1] == "title") k = Kind::Title;
    else if (row.fields[1] == "other") k = Kind::Other;
    else throw std::runtime_error(row.where() + ": unknown kind '" + row.fields[1] + "' (title|other)");
    if (row.fields[0].empty() || row.fields[0].back() != '.')
      throw std::runtime_error(row.where() + ": abbreviation must end with '.'");
    a.add(row.fields[0], k);
  });
  return a;
}

void Abbreviations::add(std::string_view abbreviation, Kind kind) {
  entries_[fold_case(abbreviation)] = kind;
}

Abbreviations::Kind Abbreviations::kind(std::string_view word) const {
  auto it = entries_.find(fold_case(word));
  return it == entries_.end() ? Kind::None : it->second;
}

}  // namespace dyad
