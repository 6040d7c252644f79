#include "dyad/actors/actor_code.h"

#include <array>

namespace dyad {

namespace {
bool is_org_prefix(std::string_view code) {
  return code.size() >= 6 && (code.substr(0, 3) == "IGO" || code.substr(0, 3) == "NGO");
}
bool upper3(std::string_view s) {
  if (s.size() != 3) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}
}  // namespace

std::string actor_country(std::string_view code) {
  return std::string(code.substr(0, is_org_prefix(code) ? 6 : 3));
}

std::string actor_role(std::string_view code) {
  const size_t n = is_org_prefix(code) ? 6 : 3;
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
  if (code.size() < 3 || code.size() % 3 != 0) return false;
  for (size_t i = 0; i < code.size(); i += 3)
    if (!upper3(code.substr(i, 3))) return false;
  const size_t n = is_org_prefix(code) ? 6 : 3;
  for (size_t i = n; i < code.size(); i += 3)
    if (!is_role_code(code.substr(i, 3))) return false;
  return true;
}

}  // namespace dyad
