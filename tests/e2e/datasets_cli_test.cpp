// End-to-end: dataset outputs (--format phoenix|plover, --db) and the commands that
// read the event store (dedup, series), as users run them.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fcntl.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "cli_support.h"
#include "dyad/io/event_writer.h"
#include "dyad/store/sqlite.h"
#include "test_support.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

using test::CliRun;
using test::run_dyad;

std::string dev_articles() { return test::shared_dir() + "/eval/dev/articles.jsonl"; }
std::string examples() { return std::string(DYAD_SOURCE_DIR) + "/examples/articles.jsonl"; }

void remove_db(const fs::path& p) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> f;
  size_t start = 0;
  for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
    f.push_back(line.substr(start, tab - start));
  f.push_back(line.substr(start));
  return f;
}

std::string dump_events(const std::string& db_path) {
  SqliteDb db(db_path, SqliteDb::Mode::ReadWriteCreate);
  auto q = db.prepare("SELECT * FROM events ORDER BY doc_id, sentence_index, event_index");
  std::ostringstream o;
  while (q.step()) {
    for (int i = 0; i < q.columns(); ++i) o << q.text(i) << '|';
    o << '\n';
  }
  return o.str();
}

// doc_id -> number of stored events, from the events table.
std::map<std::string, int64_t> events_per_doc(SqliteDb& db) {
  std::map<std::string, int64_t> m;
  auto q = db.prepare("SELECT doc_id, COUNT(*) FROM events GROUP BY doc_id");
  while (q.step()) m[q.text(0)] = q.integer(1);
  return m;
}

TEST(DatasetsCli, PhoenixAndPloverFormats) {
  const CliRun p = run_dyad("code --format phoenix " + examples());
  ASSERT_EQ(p.rc, 0) << p.err;
  std::istringstream in(p.out);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(split_tabs(line), phoenix_columns());
  size_t rows = 0;
  while (std::getline(in, line)) {
    EXPECT_EQ(split_tabs(line).size(), phoenix_columns().size()) << line;
    ++rows;
  }
  EXPECT_GT(rows, 0u);

  const CliRun v = run_dyad("code --format plover " + examples());
  ASSERT_EQ(v.rc, 0) << v.err;
  std::istringstream vin(v.out);
  size_t records = 0;
  while (std::getline(vin, line)) {
    const auto j = nlohmann::ordered_json::parse(line);
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    EXPECT_EQ(keys, plover_fields());
    EXPECT_FALSE(j["event"].get<std::string>().empty());
    ++records;
  }
  EXPECT_GT(records, 0u);
}

TEST(DatasetsCli, CodingTwiceIntoTheStoreLeavesTheSameRows) {
  if (!fs::exists(dev_articles())) GTEST_SKIP() << "no shared dev set";
  const fs::path db = test::scratch_dir() / "twice.sqlite";
  remove_db(db);
  const CliRun first = run_dyad("code " + dev_articles() + " " + examples() + " --threads 2 --db " + db.string());
  ASSERT_EQ(first.rc, 0) << first.err;
  const std::string rows = dump_events(db.string());
  const size_t jsonl_events = std::count(first.out.begin(), first.out.end(), '\n');
  EXPECT_EQ(static_cast<size_t>(std::count(rows.begin(), rows.end(), '\n')), jsonl_events);
  const CliRun second = run_dyad("code " + dev_articles() + " " + examples() + " --threads 1 --db " + db.string());
  ASSERT_EQ(second.rc, 0) << second.err;
  EXPECT_EQ(dump_events(db.string()), rows);
  // Re-coding one article alone keeps the others and its own rows.
  ASSERT_EQ(run_dyad("code " + examples() + " --db " + db.string()).rc, 0);
  EXPECT_EQ(dump_events(db.string()), rows);
  remove_db(db);
}

TEST(DatasetsCli, DedupAndSeriesReadTheStore) {
  const fs::path dir = test::scratch_dir(), db = dir / "read.sqlite", svg = dir / "series.svg";
  remove_db(db);
  ASSERT_EQ(run_dyad("code " + examples() + " --db " + db.string() + " -o /dev/null").rc, 0);

  const CliRun d = run_dyad("dedup --db " + db.string());
  ASSERT_EQ(d.rc, 0) << d.err;
  EXPECT_EQ(d.out.rfind("event_id\tdoc_id\tdate\t", 0), 0u);
  EXPECT_NE(d.err.find("after the one-a-day filter"), std::string::npos);

  const CliRun s = run_dyad("series --db " + db.string() + " --dyad '*-*' --by day --plot " + svg.string());
  ASSERT_EQ(s.rc, 0) << s.err;
  EXPECT_EQ(s.out.rfind("period\tverbal_cooperation\tmaterial_cooperation\tverbal_conflict\tmaterial_conflict"
                        "\tevents\tgoldstein\n", 0), 0u) << s.out;
  const std::string chart = test::read_file_bytes(svg);
  EXPECT_NE(chart.find("<svg"), std::string::npos);
  size_t lines = 0;
  for (size_t p = chart.find("<polyline"); p != std::string::npos; p = chart.find("<polyline", p + 1)) ++lines;
  EXPECT_EQ(lines, 4u);

  // Usage errors: exit 2 with a message naming the problem.
  const CliRun bad_dyad = run_dyad("series --db " + db.string() + " --dyad USACHN");
  EXPECT_EQ(bad_dyad.rc, 2);
  EXPECT_NE(bad_dyad.err.find("--dyad"), std::string::npos);
  EXPECT_EQ(run_dyad("series --dyad USA-CHN").rc, 2);                                     // no --db
  EXPECT_EQ(run_dyad("series --db " + db.string() + " --dyad USA-CHN --by year").rc, 2);  // bad period
  const CliRun missing = run_dyad("series --db " + (dir / "missing.sqlite").string() + " --dyad USA-CHN");
  EXPECT_EQ(missing.rc, 2);
  EXPECT_NE(missing.err.find("missing.sqlite"), std::string::npos);
  EXPECT_EQ(run_dyad("series --db " + db.string() + " --dyad '*-*' --plot /nonexistent-dir/x.svg").rc, 2);
  EXPECT_EQ(run_dyad("dedup").rc, 2);
  EXPECT_EQ(run_dyad("dedup --db " + (dir / "missing.sqlite").string()).rc, 2);
  EXPECT_EQ(run_dyad("dedup --db " + db.string() + " -o /nonexistent-dir/x.tsv").rc, 2);
  const CliRun bad_db = run_dyad("code " + examples() + " --db /nonexistent-dir/x.sqlite");
  EXPECT_EQ(bad_db.rc, 2);
  EXPECT_NE(bad_db.err.find("/nonexistent-dir/x.sqlite"), std::string::npos);
  remove_db(db);
}

// SIGKILL in the middle of `dyad code --db` leaves a readable store holding whole
// articles only: every stored doc_id has exactly the events a clean run gives it.
TEST(DatasetsCli, KilledMidwayTheStoreHoldsWholeArticlesOnly) {
  if (!fs::exists(dev_articles())) GTEST_SKIP() << "no shared dev set";
  const fs::path dir = test::scratch_dir(), clean = dir / "clean.sqlite", killed = dir / "killed.sqlite",
                 big = dir / "big.jsonl";
  remove_db(clean);
  remove_db(killed);
  ASSERT_EQ(run_dyad("code " + dev_articles() + " -o /dev/null --db " + clean.string()).rc, 0);
  std::map<std::string, int64_t> clean_counts;
  {
    SqliteDb db(clean.string(), SqliteDb::Mode::ReadWriteCreate);
    auto q = db.prepare("SELECT doc_id, events FROM articles");
    while (q.step()) clean_counts[q.text(0)] = q.integer(1);
  }
  ASSERT_FALSE(clean_counts.empty());

  // The dev set 60 times over, as doc_ids "n01~7": far more than one batch.
  const int copies = 60;
  {
    std::ifstream in(dev_articles());
    std::vector<nlohmann::json> docs;
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) docs.push_back(nlohmann::json::parse(line));
    std::ofstream out(big);
    for (int k = 0; k < copies; ++k)
      for (auto doc : docs) {
        doc["doc_id"] = doc["doc_id"].get<std::string>() + "~" + std::to_string(k);
        out << doc.dump() << '\n';
      }
  }
  const size_t total = clean_counts.size() * copies;

  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const int null_fd = open("/dev/null", O_WRONLY);
    dup2(null_fd, STDOUT_FILENO);
    dup2(null_fd, STDERR_FILENO);
    execl(DYAD_BINARY, DYAD_BINARY, "code", big.c_str(), "--threads", "1", "--db", killed.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill as soon as some articles are stored (the writer is then in its first batch).
  size_t stored_before_kill = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(300);
  while (std::chrono::steady_clock::now() < deadline && stored_before_kill == 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (waitpid(pid, nullptr, WNOHANG) == pid) FAIL() << "dyad code ended before it could be killed";
    if (!fs::exists(killed)) continue;
    try {
      SqliteDb db(killed.string(), SqliteDb::Mode::ReadOnly);
      auto q = db.prepare("SELECT COUNT(*) FROM articles");
      if (q.step()) stored_before_kill = static_cast<size_t>(q.integer(0));
    } catch (const std::exception&) {  // schema not created yet, or locked: try again
    }
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "dyad code was not killed";
  ASSERT_GT(stored_before_kill, 0u) << "no article stored before the deadline";

  SqliteDb db(killed.string(), SqliteDb::Mode::ReadWriteCreate);
  auto check = db.prepare("PRAGMA integrity_check");
  ASSERT_TRUE(check.step());
  EXPECT_EQ(check.text(0), "ok");
  std::map<std::string, int64_t> article_counts;
  auto q = db.prepare("SELECT doc_id, events FROM articles");
  while (q.step()) article_counts[q.text(0)] = q.integer(1);
  EXPECT_GT(article_counts.size(), 0u);
  EXPECT_LT(article_counts.size(), total) << "the run finished before the kill";
  const auto stored = events_per_doc(db);
  for (const auto& [doc_id, n] : stored) EXPECT_TRUE(article_counts.count(doc_id)) << doc_id << " has events but no article row";
  for (const auto& [doc_id, n] : article_counts) {
    const std::string base = doc_id.substr(0, doc_id.find('~'));
    ASSERT_TRUE(clean_counts.count(base)) << doc_id;
    EXPECT_EQ(n, clean_counts[base]) << doc_id;
    const auto it = stored.find(doc_id);
    EXPECT_EQ(it == stored.end() ? 0 : it->second, clean_counts[base]) << doc_id << ": partial article";
  }
  // The commands that read the store work on it.
  EXPECT_EQ(run_dyad("series --db " + killed.string() + " --dyad '*-*'").rc, 0);
  remove_db(clean);
  remove_db(killed);
  fs::remove(big);
}

}  // namespace
}  // namespace dyad
