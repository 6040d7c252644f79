// Feature extraction shared by the recognizer and its trainer. A feature is a 64-bit
// hash (syntax::feat) of a template id and atoms; the model conjoins it with the class.
// Changing templates changes kNerFeatureSet, so old model files are refused.
#pragma once

#include <cstdint>
#include <vector>

#include "dyad/core/document.h"
#include "dyad/ner/gazetteer.h"

namespace dyad::ner {

// 2: ORG cue list (GazType::OrgCue), shapes of i-2/i+2, neighbours' 3-letter suffixes.
inline constexpr uint32_t kNerFeatureSet = 2;

// Hashes describing one token, computed once per sentence.
struct NerWord {
  uint64_t form = 0, lower = 0, shape = 0, short_shape = 0, pos = 0;
  uint64_t prefix[4] = {}, suffix[4] = {};
  GazMask gaz = 0;
  bool capitalized = false;
};

struct NerSentenceAtoms {
  std::vector<NerWord> words;
  uint64_t case_bucket = 0;  // how the sentence is cased (all lower, headline, all caps...)
};

// Reads Token::form and (when use_pos) Token::xpos.
void ner_atoms(const Sentence& s, const Gazetteer& gazetteer, bool use_pos, NerSentenceAtoms& out);
// Appends the features of token i.
void ner_features(const NerSentenceAtoms& atoms, int i, std::vector<uint64_t>& out);

}  // namespace dyad::ner
