// Words that make a statement's content a more specific verbal act
// (data/events/statement_cues.tsv): "'The US tariffs seriously violate WTO rules,' the
// ministry said" is a criticism (111), not a plain statement (010) -- CONVENTIONS: a
// statement takes the verbal root of its content when the content is criticism, appeal,
// rejection, threat...
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "dyad/events/codebook.h"

namespace dyad {

class StatementCues {
 public:
  // Throws std::runtime_error naming file:line.
  static StatementCues load(const std::string& path, const Codebook& codebook);
  static std::vector<std::string> check(const std::string& path, const Codebook& codebook);

  void add(const std::string& word, const std::string& code) { code_by_word_[word] = code; }
  // The code a content word gives its statement ("violate" -> "111"), or nullptr.
  const std::string* code_of(const std::string& word) const {
    auto it = code_by_word_.find(word);
    return it == code_by_word_.end() ? nullptr : &it->second;
  }

 private:
  std::unordered_map<std::string, std::string> code_by_word_;  // lemma or lower-case form
};

}  // namespace dyad
