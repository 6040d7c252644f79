// The places dyad can name as an event's location, in one index keyed by token
// sequence: every city of Debian's libgeonames (with its first-level region, ISO-2
// country mapped to alpha-3, coordinates and population), the first-level regions
// libgeonames names, the countries (names from data/actors/countries.tsv `country`
// lines, centres from data/geo/countries.tsv) and data/geo/regions.tsv (seas, regions,
// sites, other spellings of cities).
//
// A name with several places keeps them best first: a regions.tsv entry, then a
// country, then a city (the capital of the country whose capital line names it first,
// then by population), then a libgeonames region (by population).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dyad/core/document.h"
#include "dyad/text/tokenizer.h"

namespace dyad {

struct Place {
  std::string name;      // "Tianjin", "Red Sea", "Ukraine"
  std::string admin1;    // libgeonames region of a city ("Tianjin Municipality"), else empty
  std::string country;   // ISO alpha-3, empty for seas and places across borders
  std::string kind;      // "city" | "region" | "country" | "sea" | "site"
  double lat = 0, lon = 0;
  bool has_coordinates = false;
  uint64_t population = 0;  // libgeonames population (cities and their regions)
  bool curated = false;     // from a knowledge file (country, regions.tsv), not libgeonames
  std::string where;        // "regions.tsv:12", "countries.tsv:40" or "geonames"
};

class Gazetteer {
 public:
  // Reads data_dir/geo/{countries,regions,words}.tsv and data_dir/actors/countries.tsv;
  // with_geonames adds libgeonames' cities. Throws std::runtime_error naming file:line.
  static Gazetteer load(const std::string& data_dir, const Tokenizer& tokenizer, bool with_geonames = true);
  // For `dyad dict check`: problems in data/geo/*.tsv ("regions.tsv:4: ..."), empty if fine.
  static std::vector<std::string> check(const std::string& data_dir, const Tokenizer& tokenizer);

  struct Match {
    uint32_t length = 0;  // tokens matched; 0 = no place starts here
    const std::vector<uint32_t>* places = nullptr;  // best first
  };
  // Longest place name starting at tokens[i]. Capitalisation rules: the first token must
  // start with a capital letter; a one-word libgeonames name must be a proper noun when
  // the sentence is tagged, and not an `ignore` word of data/geo/words.tsv.
  Match longest_match(const std::vector<Token>& tokens, size_t i) const;
  // Places named exactly by tokens [first, end) (case-insensitive, no capitalisation
  // rules), best first; null when none.
  const std::vector<uint32_t>* find(const std::vector<Token>& tokens, size_t first, size_t end) const;

  const Place& place(uint32_t id) const { return places_[id]; }
  size_t size() const { return places_.size(); }
  bool is_locative(std::string_view folded_word) const { return locatives_.count(std::string(folded_word)) > 0; }

 private:
  void add(Place place, std::string_view name, const Tokenizer& tokenizer);
  std::string key_of(std::string_view name, const Tokenizer& tokenizer) const;
  void rank();

  std::vector<Place> places_;
  std::unordered_map<std::string, std::vector<uint32_t>> index_;   // folded tokens joined by ' '
  std::unordered_map<std::string, uint32_t> first_words_;          // folded first token -> longest name
  std::unordered_map<std::string, std::string> capital_of_;        // folded capital alias -> ISO3
  std::unordered_set<std::string> ignore_, locatives_;
};

}  // namespace dyad
