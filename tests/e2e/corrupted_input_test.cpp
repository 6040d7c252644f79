// Corrupted input, end to end (issue 9): 1,000 good articles generated from sentence
// templates mixed with 100 bad lines of every kind, through the `dyad` binary. Every bad
// line is reported with its line number, the good articles are coded byte for byte as
// when coded without the bad lines (and, for a sample, each alone), the accounting adds
// up (read = coded + failed) and the exit code is 1. Also the per-article time limit.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_support.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

using test::CliRun;
using test::run_dyad;
using test::scratch_dir;

// A small deterministic generator (the same bytes on every platform).
struct Rng {
  uint64_t s;
  uint32_t next() {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(s >> 33);
  }
  size_t below(size_t n) { return next() % n; }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }
};

// ------------------------------------------------------------------ good articles

const std::vector<std::string> kActors = {
    "Russia",        "Ukraine",         "China",          "Japan",           "Iran",
    "Israel",        "Turkey",          "France",         "Germany",         "India",
    "Pakistan",      "Egypt",           "Saudi Arabia",   "Brazil",          "Mexico",
    "Kenya",         "Nigeria",         "South Korea",    "North Korea",     "Syria",
    "the United States", "the United Nations", "NATO",   "the European Union", "Canada",
    "Russian troops", "Chinese officials", "the Iranian government", "Turkish police",
    "the French foreign minister"};
const std::vector<std::string> kCities = {"Geneva", "Cairo", "Ankara", "Nairobi", "Doha", "Vienna",
                                          "Brussels", "Oslo"};
const std::vector<std::string> kDays = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                        "Saturday", "Sunday"};
// {A}, {B}: actors; {C}: a city; {D}: a weekday.
const std::vector<std::string> kEventTemplates = {
    "{A} accused {B} of violating the ceasefire.",
    "{A} met officials from {B} in {C} on {D}.",
    "{A} condemned the attack by {B}.",
    "{A} signed a trade agreement with {B} on {D}.",
    "{A} imposed new sanctions on {B}.",
    "{A} attacked positions held by {B} near the border.",
    "{A} called for talks with {B}.",
    "{A} praised {B} for its help after the floods.",
    "{A} threatened to cut aid to {B}.",
    "{A} expelled diplomats from {B} on {D}.",
    "{A} and {B} agreed to resume negotiations in {C}.",
    "{A} rejected a proposal from {B}.",
    "{A} demanded that {B} release the prisoners.",
    "{A} sent humanitarian aid to {B}.",
    "Protesters in {A} demonstrated against the government on {D}.",
    "{A} said it would investigate the incident."};
const std::vector<std::string> kFiller = {
    "The talks lasted three hours.",
    "Officials gave no further details.",
    "It was not clear when the next meeting would take place.",
    "Markets were little changed.",
    "The statement was published late in the evening.",
    "Dozens of people gathered outside the building."};

std::string fill(std::string t, Rng& rng) {
  auto put = [&](const std::string& key, const std::string& value) {
    for (size_t p; (p = t.find(key)) != std::string::npos;) t.replace(p, key.size(), value);
  };
  std::string a = rng.pick(kActors), b = rng.pick(kActors);
  while (b == a) b = rng.pick(kActors);
  if (t.rfind("{A}", 0) == 0 && a.rfind("the ", 0) == 0) a[0] = 'T';  // sentence-initial
  put("{A}", a);
  put("{B}", b);
  put("{C}", rng.pick(kCities));
  put("{D}", rng.pick(kDays));
  return t;
}

std::string good_text(Rng& rng) {
  std::string text;
  if (rng.below(4) == 0) text = rng.pick(kCities) + " (Reuters) - ";
  const size_t n = 2 + rng.below(2);
  for (size_t k = 0; k < n; ++k) {
    if (k) text += ' ';
    text += fill(rng.below(4) == 0 ? rng.pick(kFiller) : rng.pick(kEventTemplates), rng);
  }
  return text;
}

std::string good_line(size_t i, Rng& rng) {
  char id[32], date[16];
  std::snprintf(id, sizeof id, "good-%04zu", i);
  std::snprintf(date, sizeof date, "2024-%02zu-%02zu", 1 + rng.below(12), 1 + rng.below(28));
  nlohmann::ordered_json j;
  j["doc_id"] = id;
  j["date"] = date;
  j["text"] = good_text(rng);
  j["url"] = std::string("https://news.example/") + id;
  return j.dump();
}

// ------------------------------------------------------------------ bad lines

struct BadLine {
  std::string kind, bytes;
  bool coded = false;  // reported as a warning, then coded (repaired); else rejected
};

std::string obj(const std::string& id, const std::string& text_json) {
  return R"({"doc_id": ")" + id + R"(", "text": )" + text_json + "}";
}

// The n-th bad line (n = 0..99); `earlier_good` is a doc_id already seen.
BadLine bad_line(size_t n, const std::string& earlier_good, Rng& rng) {
  const std::string id = "bad-" + std::to_string(n);
  const std::string sentence = "\"Russia condemned the attack by Ukraine on Monday.\"";
  std::string garbage;
  switch (n % 38) {
    case 0: return {"invalid JSON", obj(id, sentence).substr(0, 30) + ",, }"};
    case 1: return {"truncated line", obj(id, sentence).substr(0, 45)};
    case 2: return {"missing doc_id", R"({"text": )" + sentence + "}"};
    case 3: return {"missing text", R"({"doc_id": ")" + id + R"(", "date": "2024-01-01"})"};
    case 4: return {"text is a number", obj(id, "12345")};
    case 5: return {"text is an array", obj(id, "[" + sentence + "]")};
    case 6: return {"text is an object", obj(id, "{\"body\": " + sentence + "}")};
    case 7: return {"text is null", obj(id, "null")};
    case 8: return {"empty text", obj(id, "\"\"")};
    case 9: return {"whitespace text", obj(id, "\"  \\n\\t  \\r\\n \"")};
    case 10:
      return {"invalid UTF-8 in the text", obj(id, "\"Turkey condemned the attack \xff\xfe on Caf\xe9 Riche.\""), true};
    case 11: return {"invalid UTF-8 outside strings", "{\xc3\x28\"doc_id\": \"" + id + "\", \"text\": " + sentence + "}"};
    case 12: return {"raw NUL byte", obj(id, sentence).insert(20, std::string(1, '\0'))};
    case 13: return {"escaped NUL in the text", obj(id, "\"Russia met\\u0000 Ukraine.\"")};
    case 14:
    case 15:
      for (size_t k = 0; k < 300; ++k) {
        char c = static_cast<char>(rng.below(256));
        garbage += c == '\n' ? '\x01' : c;
      }
      garbage[0] = '\x7f';  // never whitespace only
      return {"binary garbage", garbage};
    case 16: return {"duplicate doc_id", R"({"doc_id": ")" + earlier_good + R"(", "text": )" + sentence + "}"};
    case 17: return {"JSON array instead of an object", "[" + obj(id, sentence) + "]"};
    case 18: return {"JSON string instead of an object", sentence};
    case 19: return {"JSON number", "42"};
    case 20: return {"JSON null", "null"};
    case 21: return {"JSON true", "true"};
    case 22: return {"empty doc_id", obj("", sentence)};
    case 23: return {"doc_id is an array", R"({"doc_id": ["a"], "text": )" + sentence + "}"};
    case 24: return {"doc_id is a float", R"({"doc_id": 1.5, "text": )" + sentence + "}"};
    case 25: return {"empty object", "{}"};
    case 26: return {"two objects on a line", obj(id, sentence) + " " + obj(id + "b", sentence)};
    case 27: return {"HTML", "<html><body><p>Russia attacked Ukraine.</p></body></html>"};
    case 28: return {"unbalanced brackets", std::string(2000, '[')};
    case 29: return {"unreadable date", R"({"doc_id": ")" + id + R"(", "date": "last Tuesday", "text": )" + sentence + "}", true};
    case 30: return {"lone surrogate escape", obj(id, "\"Iran met \\ud800 Iraq.\"")};
    case 31: {
      std::string utf16;  // the line as UTF-16LE: NUL bytes everywhere
      for (char c : obj(id, sentence)) utf16 += std::string(1, c) + std::string(1, '\0');
      return {"UTF-16 encoded line", utf16};
    }
    case 32: return {"lone comma", ","};
    case 33: return {"closing brace", "}"};
    case 34: return {"doc_id is true", R"({"doc_id": true, "text": )" + sentence + "}"};
    case 35:
      return {"JSON nested 100,000 deep",
              R"({"doc_id": ")" + id + R"(", "text": )" + sentence + R"(, "meta": )" + std::string(100000, '[') +
                  std::string(100000, ']') + "}"};
    case 36: return {"number out of range", R"({"doc_id": ")" + id + R"(", "text": )" + sentence + R"(, "n": 1e999})"};
    default: return {"text over the size limit (1 MB)", obj(id, "\"" + std::string(1100000, 'a') + " .\"")};
  }
}

struct Corpus {
  std::string mixed, good;             // the two files' bytes
  std::map<size_t, BadLine> bad;       // line number -> bad line
  std::map<std::string, std::string> good_by_id;  // doc_id -> its line
  std::vector<std::string> good_ids;
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus c;
    Rng rng{20240917};
    std::vector<std::string> good;
    for (size_t i = 0; i < 1000; ++i) good.push_back(good_line(i, rng));
    size_t line = 0, next_good = 0;
    auto add = [&](const std::string& bytes) {
      c.mixed += bytes;
      c.mixed += '\n';
      return ++line;
    };
    for (size_t b = 0; b < 100; ++b) {
      const size_t until = (b + 1) * 10 - 3 + rng.below(5);  // good lines before bad line b
      for (; next_good < until && next_good < good.size(); ++next_good) {
        add(good[next_good]);
        c.good += good[next_good] + "\n";
        char id[32];
        std::snprintf(id, sizeof id, "good-%04zu", next_good);
        c.good_by_id[id] = good[next_good];
        c.good_ids.push_back(id);
      }
      BadLine bl = b == 99 ? BadLine{"truncated last line, no newline", obj("bad-99", "\"Russia attacked Ukr")}
                           : bad_line(b, c.good_ids[rng.below(c.good_ids.size())], rng);
      if (b == 50) bl = {"line over the line limit (7 MB)", std::string(7 << 20, ' ') + "{}"};
      if (b == 99) {
        for (; next_good < good.size(); ++next_good) {  // the rest of the good ones first
          add(good[next_good]);
          c.good += good[next_good] + "\n";
          char id[32];
          std::snprintf(id, sizeof id, "good-%04zu", next_good);
          c.good_by_id[id] = good[next_good];
          c.good_ids.push_back(id);
        }
        c.mixed += bl.bytes;  // the file ends in the middle of a line
        c.bad[++line] = bl;
      } else {
        c.bad[add(bl.bytes)] = bl;
      }
    }
    return c;
  }();
  return c;
}

// Event lines of `out` whose doc_id is in `ids` (all when empty), in order.
std::string events_of(const std::string& out, const std::set<std::string>& ids, bool keep_bad) {
  std::istringstream in(out);
  std::string kept;
  for (std::string l; std::getline(in, l);) {
    if (l.empty()) continue;
    const std::string id = nlohmann::json::parse(l)["doc_id"].get<std::string>();
    if ((ids.empty() && (keep_bad || id.rfind("bad-", 0) != 0)) || ids.count(id)) kept += l + "\n";
  }
  return kept;
}

struct Summary {
  size_t read = 0, coded = 0, failed = 0;
};
Summary summary_of(const std::string& err) {
  Summary s;
  const size_t at = err.find("dyad: ");
  for (size_t k = at; k != std::string::npos; k = err.find("dyad: ", k + 1))
    if (std::sscanf(err.c_str() + k, "dyad: %zu articles read, %zu coded, %zu failed", &s.read, &s.coded,
                    &s.failed) == 3)
      return s;
  return Summary{};
}

// Line numbers named on stderr for `file` ("dyad: error: FILE:LINE: ...").
std::map<size_t, std::string> reported_lines(const std::string& err, const std::string& file) {
  std::map<size_t, std::string> lines;
  std::istringstream in(err);
  for (std::string l; std::getline(in, l);) {
    for (const char* level : {"dyad: error: ", "dyad: warning: "}) {
      const std::string prefix = std::string(level) + file + ":";
      if (l.rfind(prefix, 0) != 0) continue;
      const size_t n = std::stoul(l.substr(prefix.size()));
      lines[n] += l + "\n";
    }
  }
  return lines;
}

TEST(CorruptedInput, EveryBadLineReportedEveryGoodArticleCodedAsAlone) {
  const Corpus& c = corpus();
  ASSERT_EQ(c.bad.size(), 100u);
  ASSERT_EQ(c.good_ids.size(), 1000u);
  const fs::path mixed = scratch_dir() / "mixed.jsonl", good = scratch_dir() / "good.jsonl",
                 report = scratch_dir() / "report.json";
  test::write_file_bytes(mixed, c.mixed);
  test::write_file_bytes(good, c.good);

  const CliRun m = run_dyad("code --threads 2 --report " + report.string() + " " + mixed.string());
  EXPECT_EQ(m.rc, 1) << m.err.substr(0, 2000);

  // Every bad line reported with its line number, and no good line.
  const auto reported = reported_lines(m.err, mixed.string());
  size_t rejected = 0, repaired = 0;
  for (const auto& [line, bl] : c.bad) {
    (bl.coded ? repaired : rejected)++;
    EXPECT_TRUE(reported.count(line)) << "bad line " << line << " (" << bl.kind << ") not reported";
  }
  for (const auto& [line, text] : reported)
    EXPECT_TRUE(c.bad.count(line)) << "good line " << line << " reported: " << text;

  // Accounting: on stderr and in --report.
  const Summary s = summary_of(m.err);
  EXPECT_EQ(s.read, 1100u) << m.err.substr(m.err.size() > 300 ? m.err.size() - 300 : 0);
  EXPECT_EQ(s.read, s.coded + s.failed);
  EXPECT_EQ(s.failed, rejected);
  EXPECT_EQ(s.coded, 1000u + repaired);
  const auto rep = nlohmann::json::parse(test::read_file_bytes(report));
  EXPECT_EQ(rep["articles_read"].get<size_t>(), s.read);
  EXPECT_EQ(rep["articles_coded"].get<size_t>(), s.coded);
  EXPECT_EQ(rep["articles_failed"].get<size_t>(), s.failed);
  std::set<size_t> failure_lines;
  for (const auto& f : rep["failures"]) {
    failure_lines.insert(f["line"].get<size_t>());
    EXPECT_FALSE(f["reason"].get<std::string>().empty());
    EXPECT_EQ(f["source"].get<std::string>(), mixed.string());
  }
  std::set<size_t> rejected_lines;
  for (const auto& [line, bl] : c.bad)
    if (!bl.coded) rejected_lines.insert(line);
  EXPECT_EQ(failure_lines, rejected_lines);

  // The good articles: byte-identical events with and without the bad lines.
  const CliRun g = run_dyad("code --threads 2 " + good.string());
  EXPECT_EQ(g.rc, 0) << g.err.substr(0, 2000);
  const Summary gs = summary_of(g.err);
  EXPECT_EQ(gs.read, 1000u);
  EXPECT_EQ(gs.coded, 1000u);
  const std::string good_events = events_of(g.out, {}, true);
  std::set<std::string> with_events;
  std::istringstream lines(good_events);
  for (std::string l; std::getline(lines, l);)
    if (!l.empty()) with_events.insert(nlohmann::json::parse(l)["doc_id"].get<std::string>());
  EXPECT_GT(with_events.size(), 700u) << "the templates should give most articles an event";
  EXPECT_EQ(events_of(m.out, {}, false), good_events) << "good articles coded differently next to bad lines";

  // A sample coded truly alone, one article per run.
  for (size_t i : {0, 137, 499, 500, 871, 999}) {
    const std::string& id = c.good_ids[i];
    const fs::path one = scratch_dir() / "one.jsonl";
    test::write_file_bytes(one, c.good_by_id.at(id) + "\n");
    const CliRun a = run_dyad("code --threads 1 " + one.string());
    EXPECT_EQ(a.rc, 0) << a.err;
    EXPECT_EQ(a.out, events_of(good_events, {id}, true)) << id << " coded alone differs";
  }
}

// --article-timeout: an article over the limit is reported with its line and reason,
// counted as failed, and the run goes on.
TEST(CorruptedInput, ArticleTimeLimit) {
  const Corpus& c = corpus();
  std::string ten;
  for (size_t i = 0; i < 10; ++i) ten += c.good_by_id.at(c.good_ids[i]) + "\n";
  const fs::path in = scratch_dir() / "ten.jsonl", report = scratch_dir() / "timeout.json";
  test::write_file_bytes(in, ten);

  // A limit no article can meet (checked before every sentence).
  const CliRun t = run_dyad("code --threads 2 --article-timeout 1e-9 --report " + report.string() + " " + in.string());
  EXPECT_EQ(t.rc, 1);
  EXPECT_TRUE(t.out.empty()) << "no events from articles that ran out of time";
  const auto reported = reported_lines(t.err, in.string());
  EXPECT_EQ(reported.size(), 10u) << t.err;
  for (const auto& [line, text] : reported) EXPECT_NE(text.find("--article-timeout"), std::string::npos) << text;
  const Summary s = summary_of(t.err);
  EXPECT_EQ(s.read, 10u);
  EXPECT_EQ(s.failed, 10u);
  EXPECT_EQ(s.coded, 0u);
  const auto rep = nlohmann::json::parse(test::read_file_bytes(report));
  ASSERT_EQ(rep["failures"].size(), 10u);
  EXPECT_EQ(rep["failures"][0]["line"].get<size_t>(), 1u);
  EXPECT_EQ(rep["failures"][0]["doc_id"].get<std::string>(), c.good_ids[0]);
  EXPECT_NE(rep["failures"][0]["reason"].get<std::string>().find("--article-timeout"), std::string::npos);

  // The default limit and no limit (0) code them all, identically.
  const CliRun d = run_dyad("code --threads 2 " + in.string());
  EXPECT_EQ(d.rc, 0) << d.err;
  EXPECT_FALSE(d.out.empty());
  const CliRun z = run_dyad("code --threads 2 --article-timeout 0 " + in.string());
  EXPECT_EQ(z.rc, 0) << z.err;
  EXPECT_EQ(z.out, d.out);

  EXPECT_EQ(run_dyad("code --article-timeout -1 " + in.string()).rc, 2);
  EXPECT_EQ(run_dyad("code --article-timeout soon " + in.string()).rc, 2);
}

}  // namespace
}  // namespace dyad
