// Event counts over time for `dyad series`: events bucketed by day, ISO week or
// month, counted per quad class, with their summed Goldstein value. Periods without
// events between the first and the last are present with zeros, so a plot of the
// table has no false slopes.
#pragma once

#include <array>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "dyad/store/event_queries.h"

namespace dyad {

enum class Period { Day, Week, Month };

std::optional<Period> parse_period(const std::string& name);  // "day" | "week" | "month"
const char* period_name(Period p);

// The period a YYYY-MM-DD date falls in: "2024-03-14" (day), the Monday that starts
// its ISO week "2024-03-11" (week), "2024-03" (month). Empty for a malformed date.
std::string period_of(const std::string& date, Period p);

struct SeriesRow {
  std::string period;
  std::array<size_t, 4> quad_counts{};  // quad classes 1..4
  double goldstein = 0;                  // sum over the period's events
  size_t events() const { return quad_counts[0] + quad_counts[1] + quad_counts[2] + quad_counts[3]; }
};

struct EventSeries {
  Period period = Period::Month;
  std::vector<SeriesRow> rows;  // consecutive periods, first to last event
  size_t undated = 0;           // events left out: no date
};

EventSeries build_series(const std::vector<EventPoint>& events, Period period);

// Names of the quad classes in order ("verbal_cooperation", ...), the TSV columns.
const std::array<const char*, 4>& quad_class_names();

// Header "period verbal_cooperation material_cooperation verbal_conflict
// material_conflict events goldstein" then one row per period.
void write_series_tsv(const EventSeries& series, std::ostream& out);

}  // namespace dyad
