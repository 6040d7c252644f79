#include "dyad/ner/org_cues.h"

#include <stdexcept>

#include "dyad/core/tsv.h"

namespace dyad::ner {

std::vector<std::string> read_org_cues(const std::string& path) {
  static const char* const kKinds[] = {"company", "government", "politics", "military",
                                       "education", "media",   "civil"};
  std::vector<std::string> cues;
  for_each_tsv_row(path, [&](const TsvRow& row) {
    const std::string cue = trim(row.field(0));
    if (cue.empty() || cue.find(' ') != std::string::npos)
      throw std::runtime_error(row.where() + ": a cue is one word, got '" + cue + "'");
    bool known = false;
    for (const char* k : kKinds) known = known || row.field(1) == k;
    if (!known) throw std::runtime_error(row.where() + ": unknown kind '" + row.field(1) + "'");
    cues.push_back(cue);
  });
  return cues;
}

}  // namespace dyad::ner
