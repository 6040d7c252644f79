// Series over periods and the SVG chart `dyad series --plot` draws.
#include "dyad/series/event_series.h"

#include <gtest/gtest.h>

#include <sstream>

#include "dyad/series/svg_line_chart.h"

namespace dyad {
namespace {

TEST(EventSeries, PeriodsOfADate) {
  EXPECT_EQ(period_of("2024-03-14", Period::Day), "2024-03-14");
  EXPECT_EQ(period_of("2024-03-14", Period::Month), "2024-03");
  EXPECT_EQ(period_of("2024-03-14", Period::Week), "2024-03-11");  // a Thursday: that week's Monday
  EXPECT_EQ(period_of("2024-03-11", Period::Week), "2024-03-11");
  EXPECT_EQ(period_of("2024-03-17", Period::Week), "2024-03-11");  // Sunday ends the ISO week
  EXPECT_EQ(period_of("2025-01-01", Period::Week), "2024-12-30");  // across a year
  EXPECT_EQ(period_of("2024-02-30", Period::Day), "");
  EXPECT_EQ(period_of("", Period::Month), "");
  EXPECT_FALSE(parse_period("year"));
  EXPECT_EQ(*parse_period("week"), Period::Week);
}

TEST(EventSeries, CountsPerQuadClassAndFillsGaps) {
  const std::vector<EventPoint> pts = {{"2024-01-05", 1, 1.9}, {"2024-01-20", 4, -10}, {"2024-01-21", 1, 3.0},
                                       {"2024-03-02", 3, -2},  {"", 2, 5}};
  const EventSeries s = build_series(pts, Period::Month);
  ASSERT_EQ(s.rows.size(), 3u);  // February is there, with zeros
  EXPECT_EQ(s.rows[0].period, "2024-01");
  EXPECT_EQ(s.rows[0].quad_counts, (std::array<size_t, 4>{2, 0, 0, 1}));
  EXPECT_NEAR(s.rows[0].goldstein, -5.1, 1e-9);
  EXPECT_EQ(s.rows[1].period, "2024-02");
  EXPECT_EQ(s.rows[1].events(), 0u);
  EXPECT_EQ(s.rows[2].quad_counts[2], 1u);
  EXPECT_EQ(s.undated, 1u);
  std::ostringstream out;
  write_series_tsv(s, out);
  EXPECT_EQ(out.str(),
            "period\tverbal_cooperation\tmaterial_cooperation\tverbal_conflict\tmaterial_conflict\tevents\tgoldstein\n"
            "2024-01\t2\t0\t0\t1\t3\t-5.1\n"
            "2024-02\t0\t0\t0\t0\t0\t0.0\n"
            "2024-03\t0\t0\t1\t0\t1\t-2.0\n");
  EXPECT_EQ(build_series(pts, Period::Week).rows.size(), 9u);  // 2024-01-01 .. 2024-02-26
  EXPECT_EQ(build_series(pts, Period::Day).rows.size(), 58u);
  EXPECT_TRUE(build_series({}, Period::Day).rows.empty());
}

TEST(SvgLineChart, NiceTicks) {
  EXPECT_EQ(nice_ticks(0, 10), (std::vector<double>{0, 2, 4, 6, 8, 10}));
  EXPECT_EQ(nice_ticks(0, 3), (std::vector<double>{0, 1, 2, 3}));
  const auto unit = nice_ticks(0, 0);  // no data: a unit axis
  ASSERT_EQ(unit.size(), 6u);
  EXPECT_NEAR(unit.back(), 1, 1e-9);
  const auto t = nice_ticks(0, 137);
  EXPECT_EQ(t.front(), 0);
  EXPECT_GE(t.back(), 137);
  EXPECT_LE(t.size(), 9u);
}

// Tags open and close in order (a tiny well-formedness check, enough for our output).
bool tags_balance(const std::string& svg) {
  std::vector<std::string> open;
  for (size_t lt = svg.find('<'); lt != std::string::npos; lt = svg.find('<', lt + 1)) {
    const size_t gt = svg.find('>', lt);
    if (gt == std::string::npos) return false;
    const std::string tag = svg.substr(lt + 1, gt - lt - 1);
    if (tag.empty() || tag[0] == '?' || tag[0] == '!' || tag.back() == '/') continue;  // prolog, self-closing
    if (tag[0] == '/') {
      if (open.empty() || open.back() != tag.substr(1)) return false;
      open.pop_back();
    } else {
      open.push_back(tag.substr(0, tag.find_first_of(" \n\t")));
    }
  }
  return open.empty();
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

TEST(SvgLineChart, DrawsAxesTitleLegendAndOneLinePerSeries) {
  LineChart c;
  c.title = "USA \u2192 CHN: events per month <by quad class>";
  c.x_labels = {"2024-01", "2024-02", "2024-03"};
  c.y_title = "events";
  c.lines = {{"Verbal cooperation", "#56B4E9", {2, 0, 1}},
             {"Material cooperation", "#0072B2", {0, 1, 0}},
             {"Verbal conflict", "#E69F00", {5, 3, 1}},
             {"Material conflict", "#D55E00", {1, 1, 7}}};
  const std::string svg = render_svg(c);
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_NE(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  EXPECT_TRUE(tags_balance(svg));
  EXPECT_EQ(count(svg, "class=\"axis\""), 2u);  // x and y axis lines
  EXPECT_EQ(count(svg, "<polyline"), 4u);       // one line per quad class
  EXPECT_NE(svg.find("&lt;by quad class&gt;"), std::string::npos);  // escaped title
  for (const char* label : {"2024-01", "2024-03", "Material conflict", ">0<", ">6<"})
    EXPECT_NE(svg.find(label), std::string::npos) << label;
  // Each polyline has one point per period.
  for (size_t p = svg.find("points=\""); p != std::string::npos; p = svg.find("points=\"", p + 1)) {
    const size_t begin = p + 8, end = svg.find('"', begin);
    EXPECT_EQ(count(svg.substr(begin, end - begin), ","), 3u);
  }
}

}  // namespace
}  // namespace dyad
