#include "dyad/context/date_resolver.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "context/context_fixture.h"

namespace dyad {
namespace {

using test::annotated;

// 2024-04-03 was a Wednesday.
struct When {
  std::string date, resolution;
};
When when(const std::string& text, const std::string& trigger, const std::string& article = "2024-04-03") {
  const Event e = annotated(text, trigger, article);
  return {e.date, e.date_resolution};
}

TEST(DateResolver, CalendarArithmetic) {
  int64_t d = 0;
  ASSERT_TRUE(parse_iso_date("2024-02-29", d));
  EXPECT_EQ(format_iso_date(d + 1), "2024-03-01");
  EXPECT_EQ(format_iso_date(days_from_civil(1970, 1, 1)), "1970-01-01");
  EXPECT_FALSE(parse_iso_date("2023-02-29", d));
  EXPECT_FALSE(parse_iso_date("2024-4-3", d));
  EXPECT_FALSE(parse_iso_date("", d));
}

TEST(DateResolver, NoDatePhraseKeepsTheArticleDate) {
  const auto w = when("Israel struck targets in Gaza.", "struck");
  EXPECT_EQ(w.date, "2024-04-03");
  EXPECT_EQ(w.resolution, "article");
}

TEST(DateResolver, WeekdayIsTheMostRecentOneOnOrBeforeTheArticle) {
  auto w = when("Israel struck targets in Gaza on Tuesday.", "struck");
  EXPECT_EQ(w.date, "2024-04-02");
  EXPECT_EQ(w.resolution, "day");
  EXPECT_EQ(when("Israel struck targets in Gaza on Wednesday.", "struck").date, "2024-04-03");
  EXPECT_EQ(when("Israel struck targets in Gaza on Thursday.", "struck").date, "2024-03-28");
  EXPECT_EQ(when("Israel struck targets in Gaza last Wednesday.", "struck").date, "2024-03-27");
}

TEST(DateResolver, RelativeDays) {
  auto w = when("Russia attacked Kharkiv yesterday.", "attacked");
  EXPECT_EQ(w.date, "2024-04-02");
  EXPECT_EQ(w.resolution, "day");
  EXPECT_EQ(when("Russia attacked Kharkiv two days ago.", "attacked").date, "2024-04-01");
}

TEST(DateResolver, WeeksMonthsYears) {
  auto w = when("China and Russia held talks last week.", "held");
  EXPECT_EQ(w.date, "2024-03-25");  // the Monday of the week before
  EXPECT_EQ(w.resolution, "week");
  w = when("China and Russia held talks last month.", "held");
  EXPECT_EQ(w.date, "2024-03-01");
  EXPECT_EQ(w.resolution, "month");
  w = when("China and Russia held talks last month.", "held", "2024-01-15");
  EXPECT_EQ(w.date, "2023-12-01");
  w = when("Saudi Arabia broke off ties with Iran in 2016.", "broke");
  EXPECT_EQ(w.date, "2016-01-01");
  EXPECT_EQ(w.resolution, "year");
  w = when("The two leaders met in March.", "met");
  EXPECT_EQ(w.date, "2024-03-01");
  EXPECT_EQ(w.resolution, "month");
}

TEST(DateResolver, ExplicitDates) {
  auto w = when("The two leaders met on March 3.", "met");
  EXPECT_EQ(w.date, "2024-03-03");
  EXPECT_EQ(w.resolution, "day");
  // A month-day far after the article date is in the year before.
  EXPECT_EQ(when("The two leaders met on December 28.", "met", "2024-01-05").date, "2023-12-28");
  EXPECT_EQ(when("The two leaders met on April 4, 2025.", "met").date, "2025-04-04");
  EXPECT_EQ(when("The two leaders met on 3 March 2022.", "met").date, "2022-03-03");
  w = when("The two leaders met in March 2022.", "met");
  EXPECT_EQ(w.date, "2022-03-01");
  EXPECT_EQ(w.resolution, "month");
}

TEST(DateResolver, WithoutArticleDateOnlyAbsoluteDatesResolve) {
  auto w = when("Israel struck targets in Gaza on Tuesday.", "struck", "");
  EXPECT_EQ(w.date, "");
  EXPECT_EQ(w.resolution, "");
  w = when("Saudi Arabia broke off ties with Iran in 2016.", "broke", "");
  EXPECT_EQ(w.date, "2016-01-01");
  EXPECT_EQ(w.resolution, "year");
}

// A hand-made parse, so the clause rule is tested whatever the parser model does.
Sentence parsed(const std::vector<std::tuple<std::string, int, std::string>>& rows) {
  Sentence s;
  for (const auto& [form, head, rel] : rows) {
    Token t;
    t.form = form;
    t.head = head;
    t.deprel = rel;
    s.tokens.push_back(t);
  }
  return s;
}

TEST(DateResolver, DateOfAnotherClauseDoesNotMoveTheEvent) {
  const auto r = DateResolver::load(test::data_dir() + "/context/dates.tsv");
  // Iran said on Tuesday that Israel attacked Syria .
  Sentence s = parsed({{"Iran", 1, "nsubj"}, {"said", -1, "root"}, {"on", 3, "case"}, {"Tuesday", 1, "obl"},
                       {"that", 6, "mark"}, {"Israel", 6, "nsubj"}, {"attacked", 1, "ccomp"}, {"Syria", 6, "obj"},
                       {".", 1, "punct"}});
  Event said, attacked;
  said.trigger_first = said.trigger_last = 1;
  attacked.trigger_first = attacked.trigger_last = 6;
  s.events = {said, attacked};
  r.resolve(s, "2024-04-03");
  EXPECT_EQ(s.events[0].date, "2024-04-02");
  EXPECT_EQ(s.events[0].date_resolution, "day");
  EXPECT_EQ(s.events[1].date, "2024-04-03");
  EXPECT_EQ(s.events[1].date_resolution, "article");

  // Iran said Israel attacked Syria on Tuesday .
  Sentence t = parsed({{"Iran", 1, "nsubj"}, {"said", -1, "root"}, {"Israel", 3, "nsubj"}, {"attacked", 1, "ccomp"},
                       {"Syria", 3, "obj"}, {"on", 6, "case"}, {"Tuesday", 3, "obl"}, {".", 1, "punct"}});
  said.trigger_first = said.trigger_last = 1;
  attacked.trigger_first = attacked.trigger_last = 3;
  t.events = {said, attacked};
  r.resolve(t, "2024-04-03");
  EXPECT_EQ(t.events[0].date_resolution, "article");
  EXPECT_EQ(t.events[1].date, "2024-04-02");
}

TEST(DateResolver, DataFileChecks) {
  EXPECT_TRUE(DateResolver::check(test::data_dir() + "/context/dates.tsv").empty());
}

// A `number` or `day` VALUE out of range would overflow the date arithmetic ("two
// weeks ago" with two = 2147483647: found by fuzz/fuzz_context_lists): the loader
// rejects it, naming file:line.
TEST(DateResolver, NumberAndDayValuesAreBounded) {
  const std::string path = (std::filesystem::temp_directory_path() / "dyad-dates-bounds.tsv").string();
  auto load_error = [&](const std::string& content) -> std::string {
    std::ofstream(path) << content;
    try {
      DateResolver::load(path);
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_EQ(load_error("number\ttwo\t2\nnumber\tdozen\t12\nnumber\tmost\t999\nday\tyesterday\t-1\n"), "");
  EXPECT_EQ(load_error("unit\tweek\tweek\nnumber\ttwo\t2147483647\n"),
            "dyad-dates-bounds.tsv:2: bad VALUE '2147483647' for number");
  EXPECT_EQ(load_error("number\tminus\t-1\n"), "dyad-dates-bounds.tsv:1: bad VALUE '-1' for number");
  EXPECT_EQ(load_error("number\tthousand\t1000\n"), "dyad-dates-bounds.tsv:1: bad VALUE '1000' for number");
  EXPECT_EQ(load_error("day\tsomeday\t2000000000\n"), "dyad-dates-bounds.tsv:1: bad VALUE '2000000000' for day");
  EXPECT_EQ(load_error("day\tfortnight\t-14\n"), "dyad-dates-bounds.tsv:1: bad VALUE '-14' for day");
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace dyad
