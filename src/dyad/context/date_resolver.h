// When an event happened: the article date, or a date the event's own clause gives
// ("on Tuesday", "yesterday", "last month", "in 2016", "on March 3"), resolved against
// the article date. Words come from data/context/dates.tsv.
//
// Reads: Document::date, Sentence::tokens (form, head, deprel), Event::trigger_first.
// Writes: Event::date (YYYY-MM-DD) and Event::date_resolution:
//   "article"  the article date (no date phrase in the trigger's clause)
//   "day"      a day: weekday, yesterday/today, N days ago, March 3 (2024)
//   "week"     last/this/next week, N weeks ago: date is that week's Monday
//   "month"    last/this month, in March, March 2024: the first of the month
//   "year"     in 2016, last year: January 1 of the year
//   ""         unknown (no valid article date and no absolute date): Event::date empty
// Weekdays follow the news convention: the most recent such day on or before the
// article date ("last Tuesday": strictly before; "next Tuesday": after). A month
// without a year is in the article's year unless that puts it over 180 days after the
// article date (then the year before).
#pragma once

#include <climits>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "dyad/core/document.h"

namespace dyad {

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
int64_t days_from_civil(int y, unsigned m, unsigned d);
void civil_from_days(int64_t z, int& y, unsigned& m, unsigned& d);
// "YYYY-MM-DD" -> days; false when not a valid date.
bool parse_iso_date(const std::string& s, int64_t& days);
std::string format_iso_date(int64_t days);

class DateResolver {
 public:
  // Throws std::runtime_error naming file:line.
  static DateResolver load(const std::string& path);
  static std::vector<std::string> check(const std::string& path);

  // A date phrase of a sentence, resolved.
  struct Expression {
    uint32_t head = 0;       // token the phrase hangs from the parse by
    uint32_t first = 0, last = 0;
    int64_t days = 0;        // resolved date
    uint8_t precision = 0;   // 4 day, 3 week, 2 month, 1 year
  };
  // Every date phrase of s that resolves (article_days == INT64_MIN: no article date;
  // then only absolute dates, "March 3, 2024" or "in 2016", resolve).
  void find(const Sentence& s, int64_t article_days, std::vector<Expression>& out) const;
  // Sets date and date_resolution of every event of s.
  void resolve(Sentence& s, const std::string& article_date) const;

  enum class Kind : uint8_t { Weekday, Month, Day, Unit, Shift, YearPrep, Ago, Number };

 private:
  const std::pair<Kind, int>* word(const Token& t) const;
  std::unordered_map<std::string, std::pair<Kind, int>> words_;  // folded word -> kind, value
};

}  // namespace dyad
