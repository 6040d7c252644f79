// End-to-end: the `dyad` binary as users run it.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cli_support.h"
#include "test_support.h"

namespace dyad {
namespace {

using test::CliRun;
using test::run_dyad;

std::vector<nlohmann::json> lines(const std::string& s) {
  std::vector<nlohmann::json> v;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) v.push_back(nlohmann::json::parse(l));
  return v;
}

TEST(Cli, HelpAndVersion) {
  EXPECT_EQ(run_dyad("--help").rc, 0);
  EXPECT_EQ(run_dyad("code --help").rc, 0);
  EXPECT_NE(run_dyad("code --help").out.find("--format"), std::string::npos);
  const CliRun v = run_dyad("--version");
  EXPECT_EQ(v.rc, 0);
  EXPECT_EQ(v.out.rfind("dyad ", 0), 0u);
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_dyad("").rc, 2);
  EXPECT_EQ(run_dyad("frobnicate").rc, 2);
  EXPECT_EQ(run_dyad("code --format xml").rc, 2);
  EXPECT_EQ(run_dyad("code --date 2024-13-45").rc, 2);
}

TEST(Cli, CodesStdinAndReportsBadLinesWithExitOne) {
  const std::string input =
      R"({"doc_id": "a", "date": "2024-02-01", "text": "Russia attacked Ukraine on Monday.", "url": "http://a"})" "\n"
      "{broken\n"
      R"({"doc_id": "b", "text": "China condemned Japan."})" "\n";
  const CliRun r = run_dyad("code --date 2024-03-01", input);
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("stdin") == std::string::npos ? r.err.find("-:2") : r.err.find(":2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("3 articles read, 2 coded, 1 failed"), std::string::npos) << r.err;
  const auto evs = lines(r.out);
  ASSERT_FALSE(evs.empty());
  for (const auto& e : evs) {
    EXPECT_TRUE(e.contains("event_id"));
    EXPECT_TRUE(e.contains("rule"));
    if (e["doc_id"] == "a") { EXPECT_EQ(e["url"], "http://a"); }
    if (e["doc_id"] == "b") { EXPECT_EQ(e["date"], "2024-03-01"); }
  }
}

TEST(Cli, TsvHasHeaderAndOneEventPerLine) {
  const CliRun r = run_dyad("code --format tsv", R"({"doc_id": "a", "text": "Russia attacked Ukraine."})" "\n");
  EXPECT_EQ(r.rc, 0);
  EXPECT_EQ(r.out.rfind("doc_id\tevent_id\tdate\t", 0), 0u);
}

TEST(Cli, DictCheckPasses) {
  const CliRun r = run_dyad("dict check");
  EXPECT_EQ(r.rc, 0) << r.err;
}

// Every event's sentence offsets index the article text exactly, on the dev set and
// on machine-spun text.
void expect_exact_offsets(const std::string& articles_path) {
  std::map<std::string, std::string> texts;
  std::ifstream a(articles_path);
  for (std::string l; std::getline(a, l);)
    if (!l.empty()) {
      auto j = nlohmann::json::parse(l);
      texts[j["doc_id"]] = j["text"];
    }
  const CliRun r = run_dyad("code --threads 2 " + articles_path);
  ASSERT_EQ(r.rc, 0) << r.err;
  const auto evs = lines(r.out);
  EXPECT_FALSE(evs.empty());
  for (const auto& e : evs) {
    const std::string& t = texts[e["doc_id"]];
    const size_t b = e["sentence"]["start"], en = e["sentence"]["end"];
    ASSERT_LE(en, t.size());
    EXPECT_EQ(t.substr(b, en - b), e["sentence"]["text"].get<std::string>());
    for (const char* side : {"source", "target"}) {
      if (e[side].is_null()) continue;
      const size_t sb = e[side]["start"], se = e[side]["end"];
      EXPECT_EQ(t.substr(sb, se - sb), e[side]["text"].get<std::string>());
    }
    const size_t tb = e["event"]["trigger"]["start"], te = e["event"]["trigger"]["end"];
    EXPECT_EQ(t.substr(tb, te - tb), e["event"]["trigger"]["text"].get<std::string>());
  }
}

TEST(Cli, SentenceOffsetsAreExactOnDevSet) {
  const std::string path = test::shared_dir() + "/eval/dev/articles.jsonl";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shared dev set";
  expect_exact_offsets(path);
}

TEST(Cli, SentenceOffsetsAreExactOnSpunText) {
  expect_exact_offsets(std::string(DYAD_SOURCE_DIR) + "/tests/e2e/spun_articles.jsonl");
}

TEST(Cli, ThreadCountDoesNotChangeOutput) {
  const std::string path = std::string(DYAD_SOURCE_DIR) + "/tests/e2e/spun_articles.jsonl";
  const CliRun one = run_dyad("code --threads 1 " + path), two = run_dyad("code --threads 2 " + path);
  EXPECT_EQ(one.out, two.out);
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

// `dyad eval` prints the same figures as the reference scorer on the dev set.
TEST(Cli, EvalAgreesWithReferenceScorer) {
  const std::string gold = test::shared_dir() + "/eval/dev";
  if (!std::filesystem::exists(gold + "/gold.jsonl") || std::system("python3 --version >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "no shared dev set or no python3";
  const CliRun coded = run_dyad("code " + gold + "/articles.jsonl");
  ASSERT_EQ(coded.rc, 0);
  const auto& dir = test::scratch_dir();
  const std::string events = (dir / "events.jsonl").string();
  std::ofstream(events) << coded.out;
  const CliRun ours = run_dyad("eval --json " + gold + " " + events);
  ASSERT_EQ(ours.rc, 0);
  const std::string ref_out = (dir / "ref.json").string();
  const std::string cmd = "python3 " + test::shared_dir() + "/eval/score.py --json " + gold + " " + events + " >" + ref_out;
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_EQ(nlohmann::json::parse(ours.out), nlohmann::json::parse(test::read_file_bytes(ref_out)));
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

TEST(Cli, ReportAndUnknownActorsFiles) {
  const auto& dir = test::scratch_dir();
  const std::string rep = (dir / "report.json").string(), unk = (dir / "unknown.tsv").string();
  const std::string input = R"({"doc_id": "a", "text": "Iran said Zorbat Quillan met Iraq."})" "\n" "not json\n";
  const CliRun r = run_dyad("code --report " + rep + " --unknown-actors " + unk, input);
  EXPECT_EQ(r.rc, 1);
  const std::string unknown_actors = test::read_file_bytes(unk);
  const auto j = nlohmann::json::parse(test::read_file_bytes(rep));
  EXPECT_EQ(j["articles_read"], 2);
  EXPECT_EQ(j["articles_coded"].get<int>() + j["articles_failed"].get<int>(), 2);
  ASSERT_EQ(j["failures"].size(), 1u);
  EXPECT_EQ(j["failures"][0]["line"], 2);
  EXPECT_NE(unknown_actors.find("Zorbat Quillan\t1\ta\tPER\tIran said Zorbat Quillan met Iraq.\n"), std::string::npos)
      << unknown_actors;
}

}  // namespace
}  // namespace dyad
