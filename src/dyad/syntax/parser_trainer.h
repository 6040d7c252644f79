// Training-only: trains a Parser with the arc-hybrid dynamic oracle and
// error exploration (Goldberg & Nivre 2012, 2013). Training sentences should carry
// predicted tags (jackknifed) in Token::xpos and gold heads and deprels.
#pragma once

#include <iosfwd>
#include <vector>

#include "dyad/core/document.h"
#include "dyad/syntax/parser.h"

namespace dyad::syntax {

struct ParserTrainOptions {
  int epochs = 10;
  uint64_t seed = 1;
  int explore_after = 1;       // epochs of pure oracle before exploring
  double explore_prob = 0.9;   // probability of following a wrong prediction
  float prune = 0.3f;          // averaged weights below this are dropped (model size)
  uint32_t min_updates = 3;    // features updated fewer times are dropped (model size)
  std::ostream* log = nullptr;
};

Parser train_parser(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                    const ParserTrainOptions& options);

struct AttachmentScore {
  size_t words = 0, heads = 0, labelled = 0;
  double uas() const { return words ? 100.0 * heads / words : 0; }
  double las() const { return words ? 100.0 * labelled / words : 0; }
};
// Parses copies of `gold` (with their xpos as given) and scores them (punctuation included).
AttachmentScore parser_score(const Parser& parser, const std::vector<Sentence>& gold);

}  // namespace dyad::syntax
