// The actor dictionary: every alias of data/actors/*.tsv in a token trie, so that
// the longest multi-word name at a position is found in one walk.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/core/document.h"
#include "dyad/text/tokenizer.h"

namespace dyad {

// Place: a name that is not an actor but contains one ("Gulf of Aden", "New Mexico");
// matching it keeps the shorter alias inside from firing.
enum class ActorType : uint8_t { Country, Adjective, Capital, Epithet, Org, Person, Role, Place };

struct ActorEntry {
  ActorType type = ActorType::Country;
  std::string code;       // "CHNGOV"; for roles "GOV" or a full code
  std::string from, to;   // ISO dates, empty = open
  std::string where;      // "people.tsv:12"
  uint32_t person = 0;    // people: index of the person (lines of one person share it)
  std::string name;       // first alias (the canonical name)
};

struct ActorMatch {
  uint32_t length = 0;              // tokens matched
  const std::vector<uint32_t>* entries = nullptr;  // into ActorDictionary::entries()
};

class ActorDictionary {
 public:
  // Loads every *.tsv in `dir`. Throws std::runtime_error naming file:line on errors.
  static ActorDictionary load(const std::string& dir, const Tokenizer& tokenizer);
  // Validation for `dyad dict check`: returns problems ("people.tsv:3: ..."), empty if fine.
  static std::vector<std::string> check(const std::string& dir, const Tokenizer& tokenizer);

  void add(ActorEntry entry, std::string_view alias, const Tokenizer& tokenizer);

  // Longest alias starting at tokens[i] (case rules: short all-caps aliases such as
  // "US" only match all-caps text).
  ActorMatch longest_match(const std::vector<Token>& tokens, size_t i) const;

  const std::vector<ActorEntry>& entries() const { return entries_; }

  // The code an entry gives on `date` (people outside their periods: plain country;
  // entries with a date range that doesn't hold: empty).
  std::string code_on(const std::vector<uint32_t>& entries, const std::string& date,
                      uint32_t* chosen = nullptr) const;

 private:
  struct Node {
    std::unordered_map<std::string, uint32_t> next;
    std::vector<uint32_t> entries;
    bool exact_case = false;   // only acronym aliases end here: match all-caps text only
  };
  std::vector<Node> nodes_{1};
  std::vector<ActorEntry> entries_;
  std::unordered_map<std::string, uint32_t> person_ids_;
};

const char* actor_type_name(ActorType t);

}  // namespace dyad
