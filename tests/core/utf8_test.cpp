#include "dyad/core/utf8.h"

#include <gtest/gtest.h>

#include "dyad/actors/actor_code.h"

namespace dyad {
namespace {

TEST(Utf8, RepairKeepsLengthAndOffsets) {
  std::string s = "caf\xC3 \xFF ok \xE2\x80\x9C";  // truncated sequence, invalid byte, valid quote
  const size_t n = s.size();
  EXPECT_EQ(utf8::repair(s), 2u);
  EXPECT_EQ(s.size(), n);
  EXPECT_TRUE(utf8::is_valid(s));
  EXPECT_EQ(s.substr(0, 6), "caf? ?");
}

TEST(Utf8, RejectsOverlongAndSurrogates) {
  EXPECT_FALSE(utf8::is_valid("\xC0\xAF"));
  EXPECT_FALSE(utf8::is_valid("\xED\xA0\x80"));
  EXPECT_TRUE(utf8::is_valid("Erdo\xC4\x9F" "an"));
}

TEST(ActorCode, CountriesIgosAndRoles) {
  EXPECT_EQ(actor_country("CHNGOV"), "CHN");
  EXPECT_EQ(actor_role("CHNGOV"), "GOV");
  EXPECT_EQ(actor_country("IGOEU"), "IGOEU");
  EXPECT_EQ(actor_country("IGOEUMIL"), "IGOEU");
  EXPECT_EQ(actor_role("IGOEUMIL"), "MIL");
  EXPECT_EQ(actor_country("IGOUNOMIL"), "IGOUNO");
  EXPECT_TRUE(is_well_formed_actor_code("IGOG20"));
  EXPECT_TRUE(is_well_formed_actor_code("USAGOV"));
  EXPECT_FALSE(is_well_formed_actor_code("USAXYZ"));
  EXPECT_FALSE(is_well_formed_actor_code("usa"));
}

}  // namespace
}  // namespace dyad
