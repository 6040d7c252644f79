// Training-only: builds the NER gazetteer from the actor dictionaries and trains an
// EntityRecognizer (averaged structured perceptron, Viterbi over BILOU) on IOB2 data.
// Deterministic: a fixed seed shuffles the sentences; no other randomness.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "dyad/ner/entity_recognizer.h"
#include "dyad/ner/iob2.h"
#include "dyad/text/abbreviations.h"

namespace dyad::ner {

struct NerTrainOptions {
  int epochs = 14;
  uint64_t seed = 1;
  int ensemble = 5;          // members trained with seeds seed, seed + 1, ...; their
                             // averaged weights are averaged into one model
  int threads = 2;           // members trained at once (results do not depend on it)
  float prune = 0.05f;       // averaged weights below this are dropped (model size)
  uint32_t min_updates = 1;  // features updated fewer times are dropped
  uint32_t rare_count = 3;   // words seen this often or less train as unseen (0 = off)
  bool use_pos = false;      // sentences must then carry Token::xpos (the project's tagger);
                             // off: with tags from a tagger trained on the same EWT
                             // sentences, dev F1 drops by about 1.4
  bool retrain_with_dev = false;  // then train again on train + dev with the epoch, O penalty
                                  // and biases that dev chose
  bool tune_outside_penalty = true;  // pick the O penalty and the type biases with the best dev F1
  std::ostream* log = nullptr;
};

inline constexpr const char* kDefaultWordList = "/usr/share/dict/american-english";  // wamerican

// Every alias (column 3, '|'-separated) of data/actors/{countries,organizations,groups,
// places,people,roles}.tsv, tokenized with the project's tokenizer; the place names of
// context/gazetteer.h (libgeonames, data/geo); the words of `word_list` (one a line;
// lower-case and capitalised ones typed apart). Throws std::runtime_error naming the
// file (and line) on an unreadable file or unknown row type.
Gazetteer build_gazetteer(const std::string& actors_dir, const Abbreviations& abbreviations,
                          const std::string& word_list = kDefaultWordList);

// Trains on `train`; keeps the epoch with the best PER/ORG/LOC F1 on `dev` (the last one
// when dev is empty).
EntityRecognizer train_entity_recognizer(const std::vector<LabeledSentence>& train,
                                         const std::vector<LabeledSentence>& dev, Gazetteer gazetteer,
                                         const NerTrainOptions& options);

}  // namespace dyad::ner
