// Training-only: trains a Tagger from gold sentences (forms, xpos, upos).
#pragma once

#include <iosfwd>
#include <vector>

#include "dyad/core/document.h"
#include "dyad/syntax/tagger.h"

namespace dyad::syntax {

struct TaggerTrainOptions {
  int epochs = 10;
  bool second_pass = true;
  int second_pass_folds = 4;    // jackknifed first-pass tags train the second pass
  uint64_t seed = 1;
  int ambiguity_min_count = 3;  // words seen this often get an ambiguity-class feature
  float prune = 0.1f;  // averaged weights below this are dropped (model size)
  std::ostream* log = nullptr;
};

// Trains on `train`; keeps the epoch with the best accuracy on `dev` (the last epoch
// when dev is empty).
Tagger train_tagger(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                    const TaggerTrainOptions& options);

// Fraction of tokens whose (xpos, upos) pair is right.
double tagger_accuracy(const Tagger& tagger, const std::vector<Sentence>& gold);

}  // namespace dyad::syntax
