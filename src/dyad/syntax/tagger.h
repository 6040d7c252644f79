// Part-of-speech tagger: greedy left-to-right averaged perceptron predicting the
// pair (XPOS, UPOS) as one class, with word, affix, shape and tag-dictionary
// ("ambiguity class") features and the two previous predictions. A second, stacked
// pass sees the first pass's tags on both sides (right context for "to", "that").
// Reads: Token::form. Writes: Token::xpos, Token::upos.
// Immutable after load: one Tagger may be shared by threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dyad/core/document.h"
#include "dyad/syntax/linear_model.h"

namespace dyad::syntax {

// Hashes describing one word, computed once per token.
struct WordAtoms {
  uint64_t form = 0, lower = 0, shape = 0, amb = 0;
  uint64_t suffix[4] = {}, prefix[3] = {};
  uint32_t flags = 0;
};

// Word form -> hash of the set of classes seen with it in training.
class AmbiguityClasses {
 public:
  AmbiguityClasses() = default;
  explicit AmbiguityClasses(std::vector<std::pair<uint64_t, uint64_t>> entries);
  uint64_t get(uint64_t lower_hash) const;
  const std::vector<std::pair<uint64_t, uint64_t>>& entries() const { return entries_; }

 private:
  std::vector<std::pair<uint64_t, uint64_t>> entries_;  // sorted by key
};

std::string lower_ascii(std::string_view s);
WordAtoms word_atoms(std::string_view form, const AmbiguityClasses& amb);
// Sentence-level context: how title-cased the sentence is (headlines tag differently).
uint64_t sentence_case_bucket(const WordAtoms* words, int n);
// Appends the features for position i given the two previous class ids (-1 = none)
// and, for the second pass, the first pass's classes (nullptr in the first pass).
void tagger_features(const WordAtoms* words, int n, int i, int prev1, int prev2,
                     uint64_t case_bucket, const int* first_pass, std::vector<uint64_t>& out);

// The same features split in two, for decoding: those that do not depend on the
// previous predictions (prev1, prev2) and those that do. Together they are the
// features of tagger_features() (as a multiset; the order differs). Each appends at
// out[k], k += count (at most kMaxTaggerStatic, kMaxTaggerDynamic).
inline constexpr size_t kMaxTaggerStatic = 48, kMaxTaggerDynamic = 16;
void tagger_static_features(const WordAtoms* words, int n, int i, uint64_t case_bucket,
                            const int* first_pass, uint64_t* out, size_t& k);
void tagger_dynamic_features(const WordAtoms* words, int n, int i, int prev1, int prev2,
                             const int* first_pass, uint64_t* out, size_t& k);

class Tagger {
 public:
  Tagger() = default;
  // `second` may be empty (one pass).
  Tagger(std::vector<std::string> xpos, std::vector<std::string> upos, LinearModel first,
         LinearModel second, AmbiguityClasses amb);

  // Throws std::runtime_error naming the file when it is missing or bad.
  static Tagger load(const std::string& path);
  void save(const std::string& path, const std::string& provenance) const;

  void tag(Sentence& s) const;
  // Class ids for the forms (index into xpos()/upos()).
  void tag_ids(const std::vector<std::string_view>& forms, std::vector<int>& out) const;

  size_t num_classes() const { return xpos_.size(); }
  const std::string& xpos(int cls) const { return xpos_[cls]; }
  const std::string& upos(int cls) const { return upos_[cls]; }
  const LinearModel& model() const { return model_; }
  const LinearModel& second_model() const { return second_; }
  const AmbiguityClasses& ambiguity() const { return amb_; }

 private:
  std::vector<std::string> xpos_, upos_;  // per class
  void decode(const LinearModel& model, const WordAtoms* atoms, int n, const int* first_pass,
              std::vector<int>& out) const;

  LinearModel model_, second_;
  AmbiguityClasses amb_;
};

}  // namespace dyad::syntax
