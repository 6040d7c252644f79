// The abbreviation list (data/text/abbreviations.tsv) shared by the tokenizer and the
// sentence splitter.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace dyad {

class Abbreviations {
 public:
  enum class Kind { None, Title, Other };

  // Throws std::runtime_error naming file:line on a malformed entry.
  static Abbreviations load(const std::string& path);
  void add(std::string_view abbreviation, Kind kind);

  // `word` includes its final period ("Gen."); matched case-insensitively.
  Kind kind(std::string_view word) const;

 private:
  std::unordered_map<std::string, Kind> entries_;
};

}  // namespace dyad
