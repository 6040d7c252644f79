#include "dyad/events/statement_cues.h"

#include <stdexcept>
#include <unordered_set>

#include "dyad/core/tsv.h"

namespace dyad {

std::vector<std::string> StatementCues::check(const std::string& path, const Codebook& codebook) {
  std::vector<std::string> problems;
  std::unordered_map<std::string, std::string> seen;
  for_each_tsv_row(path, [&](const TsvRow& row) {
    if (row.fields.size() < 2 || row.fields.size() > 3) {
      problems.push_back(row.where() + ": expected WORD<TAB>CODE[<TAB>NOTE]");
      return;
    }
    const std::string& word = row.field(0);
    if (word.empty() || word.find(' ') != std::string::npos)
      problems.push_back(row.where() + ": WORD must be one lower-case word");
    for (char ch : word)
      if (ch >= 'A' && ch <= 'Z') problems.push_back(row.where() + ": WORD must be lower case");
    if (!codebook.contains(row.field(1)))
      problems.push_back(row.where() + ": unknown CAMEO code '" + row.field(1) + "'");
    else if (static const std::unordered_set<std::string> kVerbal = {"01", "02", "03", "04", "05", "10", "11", "12", "13"};
             !kVerbal.count(row.field(1).substr(0, 2)))
      problems.push_back(row.where() + ": '" + row.field(1) + "' is no verbal code (roots 01-05, 10-13)");
    if (!seen.emplace(word, row.where()).second) problems.push_back(row.where() + ": '" + word + "' listed twice");
  });
  return problems;
}

StatementCues StatementCues::load(const std::string& path, const Codebook& codebook) {
  const auto problems = check(path, codebook);
  if (!problems.empty()) throw std::runtime_error(problems.front());
  StatementCues cues;
  for_each_tsv_row(path, [&](const TsvRow& row) { cues.add(row.field(0), row.field(1)); });
  return cues;
}

}  // namespace dyad
