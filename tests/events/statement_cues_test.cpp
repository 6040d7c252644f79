// StatementCues: words that make a statement's content a more specific verbal act.
#include "dyad/events/statement_cues.h"

#include <gtest/gtest.h>

#include <fstream>

#include "test_support.h"

namespace dyad {
namespace {

TEST(StatementCues, ShippedFileIsValid) {
  const Codebook codebook = Codebook::load(test::data_dir() + "/events/codebook.tsv");
  EXPECT_TRUE(StatementCues::check(test::data_dir() + "/events/statement_cues.tsv", codebook).empty());
  const StatementCues cues = StatementCues::load(test::data_dir() + "/events/statement_cues.tsv", codebook);
  ASSERT_NE(cues.code_of("violate"), nullptr);
  EXPECT_EQ(*cues.code_of("violate"), "111");
  EXPECT_EQ(cues.code_of("said"), nullptr);
}

TEST(StatementCues, BadRowsAreReportedWithTheirLine) {
  const Codebook codebook = Codebook::load(test::data_dir() + "/events/codebook.tsv");
  const std::string path = ::testing::TempDir() + "/statement_cues_bad.tsv";
  std::ofstream(path) << "#WORD\tCODE\tNOTE\nillegal\t999\nVile\t111\nillegal\t111\nstrike\t190\n";
  const auto problems = StatementCues::check(path, codebook);
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_NE(problems[0].find(":2:"), std::string::npos) << problems[0];
  EXPECT_NE(problems[1].find("lower case"), std::string::npos) << problems[1];
  EXPECT_NE(problems[2].find("twice"), std::string::npos) << problems[2];
  EXPECT_NE(problems[3].find("no verbal code"), std::string::npos) << problems[3];
  EXPECT_THROW(StatementCues::load(path, codebook), std::runtime_error);
}

}  // namespace
}  // namespace dyad
