// Name lists as token sequences, matched case-insensitively on a sentence's tokens.
// Built at training time from the project's actor dictionaries (data/actors/*.tsv) and
// saved inside the NER model, so the model and the lists it was trained with travel
// together. Immutable after load.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dyad/syntax/model_file.h"

namespace dyad::ner {

// What a list entry is. Values are saved in model files: add, never renumber.
enum class GazType : uint8_t {
  Country = 0,     // countries.tsv "country"
  Adjective = 1,   // countries.tsv "adj" (demonyms: "Chinese")
  Capital = 2,     // countries.tsv "capital"
  Epithet = 3,     // countries.tsv "epithet"
  Organization = 4,  // organizations.tsv, groups.tsv, countries.tsv "org"
  Place = 5,       // places.tsv
  Person = 6,      // people.tsv full aliases
  PersonWord = 7,  // any capitalised word of a people.tsv alias ("Barack", "Obama")
  Role = 8,        // roles.tsv ("president", "foreign minister")
  BigCity = 9,     // libgeonames city of 100,000+ people (context/gazetteer.h)
  Town = 10,       // other libgeonames city
  Region = 11,     // libgeonames first-level region ("Florida")
  Site = 12,       // data/geo/regions.tsv seas, regions, sites
  WordLower = 13,    // a lower-case word of the English word list (Debian wamerican)
  WordCapital = 14,  // a capitalised word of that list (mostly names: "Aaron", "Florida")
  OrgCue = 15,       // data/ner/org_cues.tsv: words that end or open organisation names ("Inc", "Ministry")
};
inline constexpr int kNumGazTypes = 16;

// Per token: bit (4 * type + position) (16 types x 4 bits fill 64) for every entry covering it, position 0 = single
// token entry, 1 = first, 2 = inside, 3 = last token of a longer entry.
using GazMask = uint64_t;
inline constexpr int kGazMaxLength = 12;  // longer entries are ignored

class Gazetteer {
 public:
  // `tokens` as the project's tokenizer splits the alias; lower-cased here (ASCII).
  void add(const std::vector<std::string>& tokens, GazType type);
  // Sorts and merges entries; call once after the last add().
  void finish();

  // out[i] = GazMask of token i. `forms` are token forms as written.
  void match(const std::vector<std::string_view>& forms, std::vector<GazMask>& out) const;

  size_t size() const { return entries_.size(); }
  void save(syntax::ByteWriter& w) const;
  static Gazetteer load(syntax::ByteReader& r);

 private:
  static uint64_t token_hash(std::string_view form);
  static uint64_t extend(uint64_t seq, uint64_t token) { return seq * 0x9e3779b97f4a7c15ULL + token + 1; }
  // 0 when absent.
  uint32_t lookup(uint64_t seq) const;

  std::vector<std::pair<uint64_t, uint32_t>> entries_;  // sequence hash -> type bits, sorted
  uint32_t max_length_ = 0;
};

}  // namespace dyad::ner
