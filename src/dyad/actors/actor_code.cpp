#include "dyad/actors/actor_code.h"

#include <algorithm>
#include <array>

namespace dyad {

namespace {
bool upper3(std::string_view s) {
  if (s.size() != 3) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}
bool roles_only(std::string_view rest) {
  if (rest.size() % 3 != 0) return false;
  for (size_t i = 0; i < rest.size(); i += 3)
    if (!is_role_code(rest.substr(i, 3))) return false;
  return true;
}
// Length of the country/organisation part: 3 for countries, IGO/NGO + 2 or 3
// letters or digits for organisations ("IGOEU", "IGOG7", "IGOUNO", "IGOG20").
size_t org_length(std::string_view code) {
  if (code.size() < 5 || (code.substr(0, 3) != "IGO" && code.substr(0, 3) != "NGO")) return 3;
  if (code.size() >= 6 && roles_only(code.substr(6))) return 6;
  if (roles_only(code.substr(5))) return 5;
  return std::min<size_t>(6, code.size());
}
}  // namespace

std::string actor_country(std::string_view code) { return std::string(code.substr(0, org_length(code))); }

std::string actor_role(std::string_view code) {
  const size_t n = org_length(code);
  return code.size() > n ? std::string(code.substr(n)) : std::string();
}

bool is_role_code(std::string_view role) {
  static constexpr std::array<std::string_view, 13> kRoles = {
      "GOV", "MIL", "REB", "OPP", "BUS", "MED", "EDU", "CVL", "COP", "JUD", "LEG", "SPY", "PPL"};
  for (auto r : kRoles)
    if (r == role) return true;
  return false;
}

bool is_well_formed_actor_code(std::string_view code) {
  const size_t n = org_length(code);
  if (code.size() < n) return false;
  if (n == 3) {
    if (!upper3(code.substr(0, 3))) return false;
  } else {
    for (char c : code.substr(3, n - 3))
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return roles_only(code.substr(n));
}

}  // namespace dyad
