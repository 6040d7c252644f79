#include "dyad/series/event_series.h"

#include <chrono>
#include <cstdio>
#include <map>

namespace dyad {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;

std::optional<year_month_day> parse_date(const std::string& s) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return std::nullopt;
  const year_month_day ymd{year{y}, month{m}, day{d}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::string format_day(const year_month_day& ymd) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

// The period after `key` (a value of period_of).
std::string next_period(const std::string& key, Period p) {
  if (p == Period::Month) {
    int y = 0;
    unsigned m = 0;
    std::sscanf(key.c_str(), "%4d-%2u", &y, &m);
    if (++m > 12) m = 1, ++y;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u", y, m);
    return buf;
  }
  const auto d = parse_date(key);
  if (!d) return "";
  return format_day(year_month_day{sys_days{*d} + std::chrono::days{p == Period::Week ? 7 : 1}});
}

}  // namespace

std::optional<Period> parse_period(const std::string& name) {
  if (name == "day") return Period::Day;
  if (name == "week") return Period::Week;
  if (name == "month") return Period::Month;
  return std::nullopt;
}

const char* period_name(Period p) {
  switch (p) {
    case Period::Day: return "day";
    case Period::Week: return "week";
    default: return "month";
  }
}

std::string period_of(const std::string& date, Period p) {
  const auto d = parse_date(date);
  if (!d) return "";
  switch (p) {
    case Period::Day: return format_day(*d);
    case Period::Month: return format_day(*d).substr(0, 7);
    case Period::Week: {
      // ISO weeks start on Monday.
      const sys_days sd{*d};
      const unsigned since_monday = (std::chrono::weekday{sd} - std::chrono::Monday).count();
      return format_day(year_month_day{sd - std::chrono::days{since_monday}});
    }
  }
  return "";
}

const std::array<const char*, 4>& quad_class_names() {
  static const std::array<const char*, 4> names = {"verbal_cooperation", "material_cooperation", "verbal_conflict",
                                                   "material_conflict"};
  return names;
}

EventSeries build_series(const std::vector<EventPoint>& events, Period period) {
  EventSeries series;
  series.period = period;
  std::map<std::string, SeriesRow> by_period;  // sorted: ISO dates sort as text
  for (const EventPoint& e : events) {
    const std::string key = period_of(e.date, period);
    if (key.empty() || e.quad_class < 1 || e.quad_class > 4) {
      ++series.undated;
      continue;
    }
    SeriesRow& row = by_period[key];
    row.period = key;
    ++row.quad_counts[e.quad_class - 1];
    row.goldstein += e.goldstein;
  }
  if (by_period.empty()) return series;
  const std::string last = by_period.rbegin()->first;
  for (std::string key = by_period.begin()->first; !key.empty() && key <= last; key = next_period(key, period)) {
    auto it = by_period.find(key);
    series.rows.push_back(it != by_period.end() ? it->second : SeriesRow{key, {}, 0});
  }
  return series;
}

void write_series_tsv(const EventSeries& series, std::ostream& out) {
  out << "period";
  for (const char* name : quad_class_names()) out << '\t' << name;
  out << "\tevents\tgoldstein\n";
  for (const SeriesRow& r : series.rows) {
    out << r.period;
    for (size_t c : r.quad_counts) out << '\t' << c;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", r.goldstein);
    out << '\t' << r.events() << '\t' << (std::string(buf) == "-0.0" ? "0.0" : buf) << '\n';
  }
}

}  // namespace dyad
