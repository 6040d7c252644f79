// Labelled dependency parser: greedy arc-hybrid transitions scored by an averaged
// perceptron over hashed Zhang & Nivre (2011)-style features (words, tags, child
// labels, valency, distance, label sets).
// Reads: Token::form, Token::xpos. Writes: Token::head (-1 = root), Token::deprel.
// Immutable after load: one Parser may be shared by threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/core/document.h"
#include "dyad/syntax/linear_model.h"
#include "dyad/syntax/transition_system.h"

namespace dyad::syntax {

// Per-word atoms for the parser; index n is ROOT.
struct ParserInput {
  std::vector<uint64_t> word;  // hash of the normalised lower-cased form
  std::vector<uint32_t> tag;   // tag id (0 = unknown, 1 = ROOT, 2 = none)
};

// Changes whenever parser_features() changes; saved in and checked against model files.
inline constexpr uint32_t kParserFeatureSet = 2;

inline constexpr uint32_t kTagUnknown = 0, kTagRoot = 1, kTagNone = 2;

void parser_features(const ParserInput& in, const ParseState& st, std::vector<uint64_t>& out);

class Parser {
 public:
  Parser() = default;
  Parser(std::vector<std::string> tags, std::vector<std::string> labels, LinearModel model);

  // Throws std::runtime_error naming the file when it is missing or bad.
  static Parser load(const std::string& path);
  void save(const std::string& path, const std::string& provenance) const;

  void parse(Sentence& s) const;
  // Heads (n = ROOT) and label ids for the input.
  void parse_ids(const ParserInput& in, ParseState& st) const;
  ParserInput input(const Sentence& s) const;
  void fill_input(const Sentence& s, ParserInput& in) const;

  const std::vector<std::string>& labels() const { return labels_; }
  const std::vector<std::string>& tags() const { return tags_; }
  const ArcHybrid& system() const { return system_; }
  const LinearModel& model() const { return model_; }

 private:
  int best_legal(const ParseState& st, const float* scores) const;
  std::vector<std::string> tags_;    // tag vocabulary; ids 0..2 are reserved
  std::vector<std::string> labels_;  // deprels
  std::unordered_map<std::string, uint32_t> tag_ids_;
  ArcHybrid system_{0, 0};
  LinearModel model_;
};

}  // namespace dyad::syntax
