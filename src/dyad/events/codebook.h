// The CAMEO codebook (data/events/codebook.tsv): label, Goldstein value, quad class
// and PLOVER equivalents (category, mode, contexts) of every code.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace dyad {

struct CodebookEntry {
  std::string code, label, plover_category, plover_mode;  // PLOVER fields empty where PLOVER drops the code
  std::vector<std::string> plover_contexts;                  // "military", "diplomatic"; may be empty
  double goldstein = 0.0;
  int quad_class = 0;
};

class Codebook {
 public:
  static Codebook load(const std::string& path);  // throws naming file:line
  const CodebookEntry* find(const std::string& code) const;
  bool contains(const std::string& code) const { return find(code) != nullptr; }
  size_t size() const { return entries_.size(); }

 private:
  std::unordered_map<std::string, CodebookEntry> entries_;
};

}  // namespace dyad
