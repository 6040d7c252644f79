// CAMEO actor codes: "CHN", "CHNGOV", "IGOUNO", "IGONATMIL", "NGOAMN".
#pragma once

#include <string>
#include <string_view>

namespace dyad {

// The country/organisation part: "CHN" of "CHNGOV", "IGOUNO" of "IGOUNOMIL".
std::string actor_country(std::string_view code);
// The role part: "GOV" of "CHNGOV", "" of "CHN".
std::string actor_role(std::string_view code);
bool is_role_code(std::string_view role);  // GOV MIL REB ...
// Well-formed: 3 upper-case letters (or IGO/NGO + 3) followed by zero or more 3-letter roles.
bool is_well_formed_actor_code(std::string_view code);

}  // namespace dyad
