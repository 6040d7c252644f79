// The ORG cue words of data/ner/org_cues.tsv ("Inc", "Ministry", "University"): a list
// the NER trainer puts into the model's gazetteer (GazType::OrgCue). Runtime code only
// validates the file (dyad dict check); the model carries the words it was trained with.
#pragma once

#include <string>
#include <vector>

namespace dyad::ner {

inline constexpr const char* kOrgCuesFile = "ner/org_cues.tsv";  // under the data directory

// The cue words in file order. Throws std::runtime_error naming file:line on an
// unreadable file, a cue of more than one word or an unknown kind.
std::vector<std::string> read_org_cues(const std::string& path);

}  // namespace dyad::ner
