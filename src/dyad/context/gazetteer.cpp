#include "dyad/context/gazetteer.h"

#include <geonames.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <stdexcept>

#include "dyad/core/tsv.h"
#include "dyad/text/normalizer.h"

namespace dyad {

namespace {

bool parse_degrees(const std::string& s, double limit, double& out) {
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && p == end && std::isfinite(out) && std::fabs(out) <= limit;
}

bool is_upper_code(const std::string& s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

bool starts_capital(const std::string& form) {
  if (form.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(form[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

constexpr const char* kKinds[] = {"region", "sea", "city", "site"};

// Rank classes: lower is better.
int rank_class(const Place& p) {
  if (p.curated && p.kind != "country") return 0;  // regions.tsv says what it means
  if (p.kind == "country") return 1;
  if (p.kind == "city") return 2;
  return 3;
}

struct CountryRow {
  std::string iso2;
  double lat = 0, lon = 0;
};

// data/geo/countries.tsv -> ISO3 -> row; problems appended (load throws on the first).
std::map<std::string, CountryRow> read_countries(const std::string& path, std::vector<std::string>& problems) {
  std::map<std::string, CountryRow> rows;
  std::unordered_set<std::string> iso2s;
  for_each_tsv_row(path, [&](const TsvRow& row) {
    CountryRow c;
    const std::string& iso3 = row.field(0);
    c.iso2 = row.field(1);
    if (!is_upper_code(iso3, 3)) problems.push_back(row.where() + ": ISO3 must be three capital letters: '" + iso3 + "'");
    else if (!is_upper_code(c.iso2, 2)) problems.push_back(row.where() + ": ISO2 must be two capital letters: '" + c.iso2 + "'");
    else if (!parse_degrees(row.field(2), 90, c.lat) || !parse_degrees(row.field(3), 180, c.lon))
      problems.push_back(row.where() + ": bad LAT/LON '" + row.field(2) + "' '" + row.field(3) + "'");
    else if (rows.count(iso3) || !iso2s.insert(c.iso2).second)
      problems.push_back(row.where() + ": duplicate country " + iso3 + "/" + c.iso2);
    else
      rows[iso3] = c;
  });
  return rows;
}

}  // namespace

std::string Gazetteer::key_of(std::string_view name, const Tokenizer& tokenizer) const {
  std::string key;
  for (const auto& t : tokenizer.tokenize(name)) {
    if (!key.empty()) key += ' ';
    key += fold_case(t.form);
  }
  return key;
}

void Gazetteer::add(Place place, std::string_view name, const Tokenizer& tokenizer) {
  const auto tokens = tokenizer.tokenize(name);
  if (tokens.empty()) return;
  std::string key;
  for (const auto& t : tokens) {
    if (!key.empty()) key += ' ';
    key += fold_case(t.form);
  }
  auto& longest = first_words_[fold_case(tokens[0].form)];
  longest = std::max<uint32_t>(longest, static_cast<uint32_t>(tokens.size()));
  index_[key].push_back(static_cast<uint32_t>(places_.size()));
  places_.push_back(std::move(place));
}

void Gazetteer::rank() {
  for (auto& [key, ids] : index_) {
    auto capital = capital_of_.find(key);
    const std::string capital_country = capital == capital_of_.end() ? "" : capital->second;
    std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
      const Place& pa = places_[a];
      const Place& pb = places_[b];
      const int ca = rank_class(pa), cb = rank_class(pb);
      if (ca != cb) return ca < cb;
      const bool capa = !capital_country.empty() && pa.country == capital_country;
      const bool capb = !capital_country.empty() && pb.country == capital_country;
      if (capa != capb) return capa;
      return pa.population > pb.population;
    });
    // One place per (kind, country) is enough: libgeonames lists a few towns twice.
    std::vector<uint32_t> kept;
    for (uint32_t id : ids) {
      bool dup = false;
      for (uint32_t k : kept)
        dup = dup || (places_[k].kind == places_[id].kind && places_[k].country == places_[id].country &&
                      places_[k].curated == places_[id].curated);
      if (!dup) kept.push_back(id);
    }
    ids = std::move(kept);
  }
}

Gazetteer Gazetteer::load(const std::string& data_dir, const Tokenizer& tokenizer, bool with_geonames) {
  Gazetteer g;
  std::vector<std::string> problems;
  const auto countries = read_countries(data_dir + "/geo/countries.tsv", problems);
  if (!problems.empty()) throw std::runtime_error(problems.front());

  for_each_tsv_row(data_dir + "/geo/words.tsv", [&](const TsvRow& row) {
    auto& set = row.field(0) == "locative" ? g.locatives_ : g.ignore_;
    if (row.field(0) != "locative" && row.field(0) != "ignore")
      throw std::runtime_error(row.where() + ": unknown KIND '" + row.field(0) + "'");
    for (const auto& w : split(row.field(1), '|'))
      if (!w.empty()) set.insert(g.key_of(w, tokenizer));
  });

  // Countries by their actor-dictionary names; capitals only steer city ranking.
  for_each_tsv_row(data_dir + "/actors/countries.tsv", [&](const TsvRow& row) {
    const std::string& type = row.field(0);
    const std::string code = row.field(1).substr(0, 3);
    auto c = countries.find(code);
    if (c == countries.end()) return;  // regions and blocs (EUR, WST) are not places
    if (type == "capital") {
      for (const auto& alias : split(row.field(2), '|'))
        g.capital_of_.emplace(g.key_of(alias, tokenizer), code);
      return;
    }
    if (type != "country") return;
    const auto aliases = split(row.field(2), '|');
    for (const auto& alias : aliases) {
      if (alias.empty()) continue;
      Place p;
      p.name = aliases.front();
      p.country = code;
      p.kind = "country";
      p.lat = c->second.lat;
      p.lon = c->second.lon;
      p.has_coordinates = true;
      p.curated = true;
      p.where = row.where();
      g.add(std::move(p), alias, tokenizer);
    }
  });

  for_each_tsv_row(data_dir + "/geo/regions.tsv", [&](const TsvRow& row) {
    Place p;
    p.kind = row.field(0);
    if (std::find(std::begin(kKinds), std::end(kKinds), p.kind) == std::end(kKinds))
      throw std::runtime_error(row.where() + ": unknown KIND '" + p.kind + "'");
    const std::string& country = row.field(2);
    if (country != "---") {
      if (!countries.count(country)) throw std::runtime_error(row.where() + ": unknown country '" + country + "'");
      p.country = country;
    }
    if (!parse_degrees(row.field(3), 90, p.lat) || !parse_degrees(row.field(4), 180, p.lon))
      throw std::runtime_error(row.where() + ": bad LAT/LON");
    p.has_coordinates = true;
    p.curated = true;
    p.where = row.where();
    const auto names = split(row.field(1), '|');
    p.name = names.front();
    for (const auto& n : names)
      if (!n.empty()) g.add(p, n, tokenizer);
  });

  if (with_geonames) {
    std::unordered_map<std::string, std::string> iso3_of;
    for (const auto& [iso3, c] : countries) iso3_of[c.iso2] = iso3;
    struct Region {
      std::string country;
      double lat = 0, lon = 0, weight = 0;
      uint64_t population = 0;
    };
    std::map<std::pair<std::string, std::string>, Region> regions;  // (name, ISO3) -> sums; sorted: deterministic
    const int n = geonames_get_n_cities();
    g.places_.reserve(g.places_.size() + static_cast<size_t>(n) * 6 / 5);
    g.index_.reserve(g.index_.size() + static_cast<size_t>(n) * 6 / 5);
    for (int i = 0; i < n; ++i) {
      GeonamesCity* city = geonames_get_city(i);
      if (!city) continue;
      Place p;
      p.name = geonames_city_get_name(city);
      p.admin1 = geonames_city_get_state(city);
      auto iso3 = iso3_of.find(geonames_city_get_country_code(city));
      p.country = iso3 == iso3_of.end() ? "" : iso3->second;
      p.kind = "city";
      p.lat = geonames_city_get_latitude(city);
      p.lon = geonames_city_get_longitude(city);
      p.has_coordinates = true;
      p.population = geonames_city_get_population(city);
      p.where = "geonames";
      geonames_city_free(city);
      if (p.country.empty()) continue;
      if (!p.admin1.empty()) {
        auto& r = regions[{p.admin1, p.country}];
        const double w = static_cast<double>(p.population) + 1;
        r.country = p.country;
        r.lat += p.lat * w;
        r.lon += p.lon * w;
        r.weight += w;
        r.population += p.population;
      }
      const std::string name = p.name;
      g.add(std::move(p), name, tokenizer);
    }
    for (const auto& [key, r] : regions) {
      Place p;
      p.name = key.first;
      p.country = r.country;
      p.kind = "region";
      p.lat = r.lat / r.weight;
      p.lon = r.lon / r.weight;
      p.has_coordinates = true;
      p.population = r.population;
      p.where = "geonames";
      g.add(std::move(p), key.first, tokenizer);
    }
  }
  g.rank();
  return g;
}

std::vector<std::string> Gazetteer::check(const std::string& data_dir, const Tokenizer& tokenizer) {
  std::vector<std::string> problems;
  const auto countries = read_countries(data_dir + "/geo/countries.tsv", problems);
  // Every country of the actor dictionary needs a line (its location coordinates).
  std::unordered_set<std::string> seen;
  for_each_tsv_row(data_dir + "/actors/countries.tsv", [&](const TsvRow& row) {
    const std::string& code = row.field(1);
    if (row.field(0) == "country" && is_upper_code(code, 3) && code != "EUR" && code != "WST" && code != "GLS" &&
        !countries.count(code) && seen.insert(code).second)
      problems.push_back(row.where() + ": country " + code + " has no line in geo/countries.tsv");
  });
  try {
    Gazetteer::load(data_dir, tokenizer, /*with_geonames=*/false);
  } catch (const std::exception& e) {
    problems.push_back(e.what());
  }
  return problems;
}

Gazetteer::Match Gazetteer::longest_match(const std::vector<Token>& tokens, size_t i) const {
  Match best;
  if (i >= tokens.size() || !starts_capital(tokens[i].form)) return best;
  std::string key = fold_case(tokens[i].form);
  auto first = first_words_.find(key);
  if (first == first_words_.end()) return best;
  const size_t max_len = std::min<size_t>(first->second, tokens.size() - i);
  for (size_t len = 1; len <= max_len; ++len) {
    if (len > 1) {
      key += ' ';
      key += fold_case(tokens[i + len - 1].form);
    }
    auto it = index_.find(key);
    if (it == index_.end() || it->second.empty()) continue;
    const Place& top = places_[it->second.front()];
    if (len == 1 && !top.curated) {
      if (ignore_.count(key)) continue;
      if (!tokens[i].upos.empty() && tokens[i].upos != "PROPN") continue;
    }
    best.length = static_cast<uint32_t>(len);
    best.places = &it->second;
  }
  return best;
}

const std::vector<uint32_t>* Gazetteer::find(const std::vector<Token>& tokens, size_t first, size_t end) const {
  std::string key;
  for (size_t k = first; k < end && k < tokens.size(); ++k) {
    if (!key.empty()) key += ' ';
    key += fold_case(tokens[k].form);
  }
  auto it = index_.find(key);
  return it == index_.end() || it->second.empty() ? nullptr : &it->second;
}

}  // namespace dyad
