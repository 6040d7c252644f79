#include "dyad/actors/actor_dictionary.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace dyad {
namespace {

std::string temp_dir_with(const std::string& file, const std::string& content) {
  const auto dir = std::filesystem::temp_directory_path() / ("dyad_dict_" + std::to_string(::getpid()) + file);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / file) << content;
  return dir.string();
}

TEST(ActorDictionary, CheckNamesFileLineOfEveryProblem) {
  Tokenizer tok(&test::abbreviations());
  const std::string dir = temp_dir_with("bad.tsv",
                                        "# comment\n"
                                        "country\tCHN\tChina\n"
                                        "country\tXX1\tNowhere\n"                     // malformed code
                                        "person\tUSAGOV\tJoe Biden\t2025-01-20\t2021-01-20\n"  // dates reversed
                                        "adj\tJPN\tChina\n"                             // conflicting alias
                                        "nonsense\tCHN\tx\n");                          // unknown type
  const auto problems = ActorDictionary::check(dir, tok);
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_NE(problems[0].find("bad.tsv:3"), std::string::npos);
  EXPECT_NE(problems[1].find("bad.tsv:4"), std::string::npos);
  EXPECT_NE(problems[2].find("bad.tsv:5"), std::string::npos);
  EXPECT_NE(problems[3].find("bad.tsv:6"), std::string::npos);
  EXPECT_THROW(ActorDictionary::load(dir, tok), std::runtime_error);
}

TEST(ActorDictionary, ANewLeaderIsOneLine) {
  Tokenizer tok(&test::abbreviations());
  const std::string dir = temp_dir_with("people.tsv", "person\tATLGOV\tJane Roe|Roe|President Roe\t2026-01-01\t\n");
  // ATL is no ISO code but well-formed: the dictionary takes it, the checker accepts its form.
  const ActorDictionary d = ActorDictionary::load(dir, tok);
  const auto toks = tok.tokenize("President Roe spoke");
  const ActorMatch m = d.longest_match(toks, 0);
  ASSERT_EQ(m.length, 2u);
  EXPECT_EQ(d.code_on(*m.entries, "2026-05-01"), "ATLGOV");
  EXPECT_EQ(d.code_on(*m.entries, "2025-05-01"), "ATL");  // before the term: plain country
}

}  // namespace
}  // namespace dyad
