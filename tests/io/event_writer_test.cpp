// Output formats: codebook attributes, dates, locations, and the Phoenix and PLOVER
// layouts checked against their documented column / field lists.
#include "dyad/io/event_writer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <sstream>

#include "test_support.h"

namespace dyad {
namespace {

const Codebook& codebook() {
  static const Codebook cb = Codebook::load(test::data_dir() + "/events/codebook.tsv");
  return cb;
}

Token token(uint32_t b, uint32_t e, const std::string& form) {
  Token t;
  t.span = {b, e};
  t.form = form;
  return t;
}

Mention mention(uint32_t tok, const std::string& code) {
  Mention m;
  m.first = m.last = m.head = tok;
  m.code = m.country = code;
  m.entry = "countries.tsv:1";
  return m;
}

// "Russia attacked Ukraine in Kyiv. Russia commented." with a located, dated attack
// (190) and an undated statement (010, which PLOVER drops).
Document sample_document() {
  Document d;
  d.id = "doc1";
  d.date = "2024-02-07";
  d.text = "Russia attacked Ukraine in Kyiv. Russia commented.";
  d.passthrough = R"({"url": "http://example.org/a", "source": "Example News"})";
  Sentence s1;
  s1.span = {0, 32};
  s1.tokens = {token(0, 6, "Russia"), token(7, 15, "attacked"), token(16, 23, "Ukraine"), token(24, 26, "in"),
               token(27, 31, "Kyiv"), token(31, 32, ".")};
  s1.mentions = {mention(0, "RUS"), mention(2, "UKR")};
  Event attack;
  attack.source = 0;
  attack.target = 1;
  attack.code = "190";
  attack.trigger_first = attack.trigger_last = 1;
  attack.rule = "verbs.tsv:1";
  attack.date = "2024-02-05";
  attack.date_resolution = "day";
  Location kyiv;
  kyiv.name = "Kyiv";
  kyiv.admin1 = "Kyiv City";
  kyiv.country = "UKR";
  kyiv.kind = "city";
  kyiv.lat = 50.45466;
  kyiv.lon = 30.5238;
  kyiv.has_coordinates = true;
  kyiv.span = {27, 31};
  attack.location = kyiv;
  s1.events = {attack};
  Sentence s2;
  s2.span = {33, 50};
  s2.tokens = {token(33, 39, "Russia"), token(40, 49, "commented"), token(49, 50, ".")};
  s2.mentions = {mention(0, "RUS")};
  Event comment;
  comment.source = 0;
  comment.code = "010";
  comment.trigger_first = comment.trigger_last = 1;
  comment.rule = "verbs.tsv:2";
  s2.events = {comment};
  d.sentences = {s1, s2};
  return d;
}

std::string write(const std::string& format, const Document& d, size_t* count = nullptr) {
  auto w = EventWriter::create(format, &codebook(), {});
  EXPECT_NE(w, nullptr) << format;
  std::ostringstream out;
  w->begin(out);
  const size_t n = w->write(d, out);
  if (count) *count = n;
  return out.str();
}

std::vector<std::vector<std::string>> tsv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> fields;
    size_t start = 0;
    for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      fields.push_back(line.substr(start, tab - start));
    fields.push_back(line.substr(start));
    rows.push_back(fields);
  }
  return rows;
}

std::vector<nlohmann::ordered_json> json_lines(const std::string& text) {
  std::vector<nlohmann::ordered_json> v;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) v.push_back(nlohmann::ordered_json::parse(l));
  return v;
}

TEST(Codebook, HasPloverColumns) {
  const CodebookEntry* e = codebook().find("190");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->plover_category, "ASSAULT");
  EXPECT_EQ(e->quad_class, 4);
  EXPECT_DOUBLE_EQ(e->goldstein, -10.0);
  EXPECT_EQ(e->plover_contexts, std::vector<std::string>{"military"});
  EXPECT_EQ(codebook().find("042")->plover_mode, "visit");
  EXPECT_TRUE(codebook().find("010")->plover_category.empty());  // PLOVER drops 01x
}

TEST(EventWriter, KnowsItsFormats) {
  for (const auto& f : event_formats()) EXPECT_NE(EventWriter::create(f, &codebook(), {}), nullptr) << f;
  EXPECT_EQ(EventWriter::create("xml", &codebook(), {}), nullptr);
}

TEST(JsonlWriter, WritesCodebookDateAndLocation) {
  const auto events = json_lines(write("jsonl", sample_document()));
  ASSERT_EQ(events.size(), 2u);
  const auto& a = events[0];
  EXPECT_EQ(a["date"], "2024-02-05");  // the event's own date, not the article's
  EXPECT_EQ(a["date_resolution"], "day");
  EXPECT_EQ(a["event"]["label"], "Use conventional military force, not specified below");
  EXPECT_EQ(a["event"]["goldstein"], -10.0);
  EXPECT_EQ(a["event"]["quad_class"], 4);
  EXPECT_EQ(a["event"]["plover_category"], "ASSAULT");
  EXPECT_TRUE(a["event"]["plover_mode"].is_null());
  const auto& loc = a["location"];
  for (const char* key : {"name", "admin1", "country", "kind", "lat", "lon", "start", "end"})
    EXPECT_TRUE(loc.contains(key)) << key;
  EXPECT_EQ(loc["name"], "Kyiv");
  EXPECT_EQ(loc["country"], "UKR");
  EXPECT_NEAR(loc["lat"].get<double>(), 50.45466, 1e-9);
  EXPECT_EQ(loc["start"], 27);
  EXPECT_EQ(loc["end"], 31);
  EXPECT_EQ(a["url"], "http://example.org/a");  // passed through

  const auto& c = events[1];
  EXPECT_EQ(c["date"], "2024-02-07");  // no date of its own: the article's
  EXPECT_EQ(c["date_resolution"], "article");
  EXPECT_TRUE(c["location"].is_null());
  EXPECT_TRUE(c["target"].is_null());
  EXPECT_TRUE(c["event"]["plover_category"].is_null());
}

TEST(JsonlWriter, UndatedArticleGivesNullDate) {
  Document d = sample_document();
  d.date.clear();
  const auto events = json_lines(write("jsonl", d));
  EXPECT_TRUE(events[1]["date"].is_null());
  EXPECT_TRUE(events[1]["date_resolution"].is_null());
}

TEST(TsvWriter, HeaderAndRowsHaveTheDocumentedColumns) {
  const auto rows = tsv_rows(write("tsv", sample_document()));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], tsv_columns());
  auto col = [&](const std::string& name) {
    return static_cast<size_t>(std::find(rows[0].begin(), rows[0].end(), name) - rows[0].begin());
  };
  for (const char* name : {"date", "date_resolution", "event_label", "goldstein", "quad_class", "plover_category",
                           "plover_mode", "location_name", "location_country", "lat", "lon"})
    EXPECT_LT(col(name), rows[0].size()) << name;
  for (size_t i = 1; i < rows.size(); ++i) EXPECT_EQ(rows[i].size(), rows[0].size());
  EXPECT_EQ(rows[1][col("date")], "2024-02-05");
  EXPECT_EQ(rows[1][col("goldstein")], "-10.0");
  EXPECT_EQ(rows[1][col("quad_class")], "4");
  EXPECT_EQ(rows[1][col("plover_category")], "ASSAULT");
  EXPECT_EQ(rows[1][col("location_name")], "Kyiv");
  EXPECT_EQ(rows[1][col("lat")], "50.45466");
  EXPECT_EQ(rows[2][col("date_resolution")], "article");
  EXPECT_EQ(rows[2][col("target_code")], "---");
}

// The Phoenix data set's columns, as documented by the Phoenix project (and in the issue).
const std::vector<std::string> kPhoenixDocumented = {
    "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity", "SourceActorRole",
    "SourceActorAttribute", "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName",
    "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources"};

TEST(PhoenixWriter, ColumnsAreThePhoenixColumns) {
  EXPECT_EQ(phoenix_columns(), kPhoenixDocumented);
  const auto rows = tsv_rows(write("phoenix", sample_document()));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], kPhoenixDocumented);
  std::map<std::string, std::string> attack, comment;
  for (size_t i = 0; i < kPhoenixDocumented.size(); ++i) {
    ASSERT_EQ(rows[1].size(), kPhoenixDocumented.size());
    ASSERT_EQ(rows[2].size(), kPhoenixDocumented.size());
    attack[kPhoenixDocumented[i]] = rows[1][i];
    comment[kPhoenixDocumented[i]] = rows[2][i];
  }
  EXPECT_EQ(attack["EventID"], "doc1-0-0");
  EXPECT_EQ(attack["Date"], "20240205");
  EXPECT_EQ(attack["Year"], "2024");
  EXPECT_EQ(attack["Month"], "02");
  EXPECT_EQ(attack["Day"], "05");
  EXPECT_EQ(attack["SourceActorFull"], "RUS");
  EXPECT_EQ(attack["SourceActorEntity"], "RUS");
  EXPECT_EQ(attack["TargetActorFull"], "UKR");
  EXPECT_EQ(attack["EventCode"], "190");
  EXPECT_EQ(attack["EventRootCode"], "19");
  EXPECT_EQ(attack["QuadClass"], "4");
  EXPECT_EQ(attack["GoldsteinScore"], "-10.0");
  EXPECT_EQ(attack["Lat"], "50.45466");
  EXPECT_EQ(attack["Lon"], "30.5238");
  EXPECT_EQ(attack["LocationName"], "Kyiv");
  EXPECT_EQ(attack["StateName"], "Kyiv City");
  EXPECT_EQ(attack["CountryCode"], "UKR");
  EXPECT_EQ(attack["SentenceID"], "doc1_0");
  EXPECT_EQ(attack["URLs"], "http://example.org/a");
  EXPECT_EQ(attack["NewsSources"], "Example News");
  EXPECT_EQ(comment["Date"], "20240207");
  EXPECT_EQ(comment["TargetActorFull"], "---");
  EXPECT_EQ(comment["Lat"], "");
}

// PLOVER event fields (PLOVER manual, data format section; the issue's list first).
const std::vector<std::string> kPloverDocumented = {
    "id", "date", "date_resolution", "actor", "recipient", "event", "mode", "context", "event_text", "event_loc",
    "quad_code", "goldstein", "cameo_code", "actor_text", "recipient_text", "trigger_text", "doc_id",
    "sentence_index", "url"};

TEST(PloverWriter, FieldsAreThePloverFields) {
  EXPECT_EQ(plover_fields(), kPloverDocumented);
  size_t written = 0;
  const auto events = json_lines(write("plover", sample_document(), &written));
  ASSERT_EQ(events.size(), 1u);  // 010 has no PLOVER category: not a PLOVER event
  EXPECT_EQ(written, 1u);
  const auto& e = events[0];
  std::vector<std::string> keys;
  for (auto it = e.begin(); it != e.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, kPloverDocumented);
  EXPECT_EQ(e["id"], "doc1-0-0");
  EXPECT_EQ(e["date"], "2024-02-05");
  EXPECT_EQ(e["actor"], "RUS");
  EXPECT_EQ(e["recipient"], "UKR");
  EXPECT_EQ(e["event"], "ASSAULT");
  EXPECT_TRUE(e["mode"].is_null());
  EXPECT_EQ(e["context"], nlohmann::ordered_json::array({"military"}));
  EXPECT_EQ(e["event_text"], "Russia attacked Ukraine in Kyiv.");
  EXPECT_EQ(e["event_loc"]["name"], "Kyiv");
  EXPECT_EQ(e["quad_code"], 4);
  EXPECT_EQ(e["cameo_code"], "190");
}

TEST(EventWriter, NumberFormats) {
  EXPECT_EQ(format_goldstein(-10), "-10.0");
  EXPECT_EQ(format_goldstein(3.4), "3.4");
  EXPECT_EQ(format_coordinate(39.142200), "39.1422");
  EXPECT_EQ(format_coordinate(-0.000001), "0");
  EXPECT_EQ(format_coordinate(12), "12");
}

}  // namespace
}  // namespace dyad
