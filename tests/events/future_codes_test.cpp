// FutureCodes: the intent and refusal codes of acts put in a certain future.
#include "dyad/events/future_codes.h"

#include <gtest/gtest.h>

#include <fstream>

#include "test_support.h"

namespace dyad {
namespace {

TEST(FutureCodes, LongestPrefixWins) {
  FutureCodes f;
  f.add("08", "035", "124");
  f.add("084", "0353", "1243");
  EXPECT_EQ(f.intent_of("0841"), "0353");
  EXPECT_EQ(f.refusal_of("0841"), "1243");
  EXPECT_EQ(f.intent_of("087"), "035");
  EXPECT_EQ(f.intent_of("190"), "");  // acts of conflict have none
}

TEST(FutureCodes, ShippedFileIsValid) {
  const Codebook codebook = Codebook::load(test::data_dir() + "/events/codebook.tsv");
  EXPECT_TRUE(FutureCodes::check(test::data_dir() + "/events/future_codes.tsv", codebook).empty());
  const FutureCodes f = FutureCodes::load(test::data_dir() + "/events/future_codes.tsv", codebook);
  EXPECT_EQ(f.intent_of("040"), "036");
  EXPECT_EQ(f.refusal_of("040"), "125");
}

TEST(FutureCodes, BadRowsAreReportedWithTheirLine) {
  const Codebook codebook = Codebook::load(test::data_dir() + "/events/codebook.tsv");
  const std::string path = ::testing::TempDir() + "/future_codes_bad.tsv";
  std::ofstream(path) << "#PREFIX\tINTENT\tREFUSAL\n04\t036\n05\t999\t120\n";
  const auto problems = FutureCodes::check(path, codebook);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find(":2:"), std::string::npos) << problems[0];
  EXPECT_NE(problems[1].find("999"), std::string::npos) << problems[1];
  EXPECT_THROW(FutureCodes::load(path, codebook), std::runtime_error);
}

}  // namespace
}  // namespace dyad
