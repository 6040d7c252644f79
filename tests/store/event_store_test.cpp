// The SQLite event store: idempotent per doc_id, the one-a-day filter, dyad queries.
#include "dyad/store/event_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "dyad/store/event_queries.h"

namespace dyad {
namespace {

struct TempDb {
  std::filesystem::path path;
  explicit TempDb(const std::string& name) {
    path = std::filesystem::temp_directory_path() / ("dyad_store_" + std::to_string(::getpid()) + "_" + name);
    remove();
  }
  ~TempDb() { remove(); }
  void remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  }
};

// One record per (source, target, code, date); enough for the store's columns.
EventRecord record(const std::string& doc, size_t sentence, size_t index, const std::string& src,
                   const std::string& tgt, const std::string& code, const std::string& date, int quad,
                   double goldstein) {
  EventRecord r;
  r.doc_id = doc;
  r.event_id = doc + "-" + std::to_string(sentence) + "-" + std::to_string(index);
  r.sentence_index = sentence;
  r.event_index = index;
  r.date = date;
  r.date_resolution = date.empty() ? "" : "article";
  r.source = {true, src, src, "", src, "", "", 0, 3};
  if (!tgt.empty()) r.target = {true, tgt, tgt, "", tgt, "", "", 4, 7};
  r.code = code;
  r.root = code.substr(0, 2);
  r.has_codebook = true;
  r.quad_class = quad;
  r.goldstein = goldstein;
  r.label = "label " + code;
  return r;
}

Document doc(const std::string& id, const std::string& date = "2024-01-01") {
  Document d;
  d.id = id;
  d.date = date;
  d.passthrough = "{}";
  return d;
}

std::string dump_events(EventStore& s) {
  auto q = s.db().prepare("SELECT * FROM events ORDER BY doc_id, sentence_index, event_index");
  std::ostringstream o;
  while (q.step()) {
    for (int i = 0; i < q.columns(); ++i) o << q.text(i) << '|';
    o << '\n';
  }
  return o.str();
}

TEST(EventStore, RecodingAnArticleReplacesItsEvents) {
  TempDb tmp("replace.sqlite");
  auto s = EventStore::open_for_writing(tmp.path.string());
  const std::vector<EventRecord> a = {record("a", 0, 0, "USA", "CHN", "042", "2024-01-01", 1, 1.9),
                                      record("a", 1, 0, "CHN", "USA", "111", "2024-01-01", 3, -2)};
  s->replace_article(doc("a"), a);
  s->replace_article(doc("b"), {record("b", 0, 0, "RUS", "UKR", "190", "2024-01-02", 4, -10)});
  const std::string first = dump_events(*s);
  EXPECT_EQ(s->event_count(), 3u);
  s->replace_article(doc("a"), a);  // same article again: same rows
  EXPECT_EQ(dump_events(*s), first);
  EXPECT_EQ(s->event_count(), 3u);
  EXPECT_EQ(s->article_count(), 2u);
  s->replace_article(doc("a"), {a[0]});  // re-coded with fewer events: the old ones go
  EXPECT_EQ(s->event_count(), 2u);
  s->replace_article(doc("a"), {});  // no events at all: still recorded as coded
  EXPECT_EQ(s->event_count(), 1u);
  EXPECT_EQ(s->article_count(), 2u);
}

// A write that fails half-way (here: a duplicate key on the second event) changes
// nothing: the article keeps its previous events.
TEST(EventStore, AFailedReplacementLeavesTheArticleAsItWas) {
  TempDb tmp("atomic.sqlite");
  auto s = EventStore::open_for_writing(tmp.path.string());
  s->replace_article(doc("a"), {record("a", 0, 0, "USA", "CHN", "042", "2024-01-01", 1, 1.9)});
  const std::string before = dump_events(*s);
  const auto dup = record("a", 5, 0, "RUS", "UKR", "190", "2024-01-02", 4, -10);
  EXPECT_THROW(s->replace_article(doc("a"), {dup, dup}), std::runtime_error);
  EXPECT_EQ(dump_events(*s), before);
  s->replace_article(doc("a"), {dup});  // the store is still usable
  EXPECT_EQ(s->event_count(), 1u);
}

TEST(EventStore, ReopensAndChecksItsSchema) {
  TempDb tmp("reopen.sqlite");
  { EventStore::open_for_writing(tmp.path.string())->replace_article(doc("a"), {record("a", 0, 0, "USA", "CHN", "042", "2024-01-01", 1, 1.9)}); }
  auto r = EventStore::open_for_reading(tmp.path.string());
  EXPECT_EQ(r->event_count(), 1u);
  EXPECT_THROW(EventStore::open_for_reading(tmp.path.string() + ".missing"), std::runtime_error);
  EXPECT_THROW(EventStore::open_for_writing("/nonexistent-dir/x.sqlite"), std::runtime_error);
  TempDb other("other.sqlite");
  { SqliteDb db(other.path.string(), SqliteDb::Mode::ReadWriteCreate); db.exec("CREATE TABLE t (x)"); }
  EXPECT_THROW(EventStore::open_for_reading(other.path.string()), std::runtime_error);
}

TEST(EventStore, OneADayKeepsOneEventPerDateDyadAndCode) {
  TempDb tmp("dedup.sqlite");
  auto s = EventStore::open_for_writing(tmp.path.string());
  // Three reports of the same visit on the same day, one on the next day, one other code.
  s->replace_article(doc("a"), {record("a", 0, 0, "USA", "CHN", "042", "2024-01-01", 1, 1.9),
                                record("a", 1, 0, "USA", "CHN", "042", "2024-01-01", 1, 1.9),
                                record("a", 2, 0, "USA", "CHN", "043", "2024-01-01", 1, 2.8)});
  s->replace_article(doc("b"), {record("b", 0, 0, "USA", "CHN", "042", "2024-01-01", 1, 1.9),
                                record("b", 1, 0, "USA", "CHN", "042", "2024-01-02", 1, 1.9),
                                record("b", 2, 0, "CHN", "USA", "042", "2024-01-01", 1, 1.9),
                                record("b", 3, 0, "USA", "", "010", "", 1, 0),
                                record("b", 4, 0, "USA", "", "010", "", 1, 0)});
  std::ostringstream out;
  const DedupCounts c = write_one_a_day(*s, out);
  EXPECT_EQ(c.events, 8u);
  EXPECT_EQ(c.kept, 6u);  // 3 x 042 on the 1st -> 1; undated events never merge
  std::istringstream in(out.str());
  std::string header, line;
  std::getline(in, header);
  EXPECT_EQ(header.rfind("event_id\tdoc_id\tdate\t", 0), 0u);
  bool saw_merged = false;
  while (std::getline(in, line))
    if (line.rfind("a-0-0\t", 0) == 0) {
      saw_merged = true;  // the first report is kept and stands for three
      EXPECT_NE(line.find("\t3\t"), std::string::npos) << line;
    }
  EXPECT_TRUE(saw_merged);
}

TEST(EventQueries, ParsesDyads) {
  auto d = parse_dyad("USA-CHN");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->source, "USA");
  EXPECT_EQ(d->target, "CHN");
  EXPECT_EQ(parse_dyad("usa-*")->source, "USA");
  EXPECT_EQ(parse_dyad("usa-*")->target, "");
  EXPECT_EQ(parse_dyad("*-IGOUNO")->target, "IGOUNO");
  for (const char* bad : {"", "USA", "USA-", "-CHN", "USA-CHN-RUS", "US-CHN", "U$A-CHN", "USA CHN", "USA_CHN"})
    EXPECT_FALSE(parse_dyad(bad)) << bad;
}

TEST(EventQueries, DyadEventsAreDirectedUnlessAskedOtherwise) {
  TempDb tmp("dyad.sqlite");
  auto s = EventStore::open_for_writing(tmp.path.string());
  s->replace_article(doc("a"), {record("a", 0, 0, "USA", "CHN", "042", "2024-01-01", 1, 1.9),
                                record("a", 1, 0, "CHN", "USA", "111", "2024-01-03", 3, -2),
                                record("a", 2, 0, "USA", "RUS", "190", "2024-02-01", 4, -10),
                                record("a", 3, 0, "USA", "CHN", "042", "2024-01-01", 1, 1.9)});
  EXPECT_EQ(dyad_events(*s, {"USA", "CHN", false}, false).size(), 2u);
  EXPECT_EQ(dyad_events(*s, {"USA", "CHN", false}, true).size(), 1u);
  EXPECT_EQ(dyad_events(*s, {"USA", "CHN", true}, false).size(), 3u);
  EXPECT_EQ(dyad_events(*s, {"USA", "", false}, false).size(), 3u);
  EXPECT_EQ(dyad_events(*s, {"", "USA", false}, false).size(), 1u);
  EXPECT_EQ(dyad_events(*s, {"", "", false}, false).size(), 4u);
  const auto pts = dyad_events(*s, {"CHN", "USA", false}, false);
  ASSERT_EQ(pts.size(), 1u);
  EXPECT_EQ(pts[0].date, "2024-01-03");
  EXPECT_EQ(pts[0].quad_class, 3);
  EXPECT_DOUBLE_EQ(pts[0].goldstein, -2);
}

}  // namespace
}  // namespace dyad
