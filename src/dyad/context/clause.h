// Clause structure from the dependency parse, shared by the date and location
// resolvers: a date or place belongs to an event when it hangs in the trigger's clause.
#pragma once

#include <cstdint>
#include <string>

#include "dyad/core/document.h"

namespace dyad {

// True when the sentence carries a dependency parse (parsed sentences have relations).
inline bool is_parsed(const Sentence& s) { return !s.tokens.empty() && !s.tokens[0].deprel.empty(); }

// Relations that start a clause of their own.
inline bool starts_clause(const std::string& deprel) {
  return deprel == "root" || deprel == "ccomp" || deprel == "csubj" || deprel == "advcl" ||
         deprel == "parataxis" || deprel == "xcomp" || deprel.rfind("acl", 0) == 0 ||
         deprel.rfind("csubj", 0) == 0 || deprel.rfind("advcl", 0) == 0;
}

// The head of the clause token k belongs to: climb heads until a clause relation.
inline uint32_t clause_head(const Sentence& s, uint32_t k) {
  if (k >= s.tokens.size()) return k;
  for (size_t steps = 0; steps < s.tokens.size(); ++steps) {
    const Token& t = s.tokens[k];
    if (starts_clause(t.deprel) || t.head < 0 || static_cast<size_t>(t.head) >= s.tokens.size()) return k;
    k = static_cast<uint32_t>(t.head);
  }
  return k;
}

// Does a phrase whose head is token `k` belong to the clause of an event whose trigger
// is token `trigger`? Same clause, or the clause an xcomp trigger depends on ("agreed
// on Friday to reopen": Friday dates "reopen" too); never a clause below or beside it.
inline bool in_trigger_clause(const Sentence& s, uint32_t k, uint32_t trigger) {
  if (k >= s.tokens.size() || trigger >= s.tokens.size()) return false;
  const uint32_t target = clause_head(s, k);
  uint32_t c = clause_head(s, trigger);
  for (size_t steps = 0; steps < s.tokens.size(); ++steps) {
    if (c == target) return true;
    const Token& t = s.tokens[c];
    if (t.deprel != "xcomp" || t.head < 0 || static_cast<size_t>(t.head) >= s.tokens.size()) return false;
    c = clause_head(s, static_cast<uint32_t>(t.head));
  }
  return false;
}

}  // namespace dyad
