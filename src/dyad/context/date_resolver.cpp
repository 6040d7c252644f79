#include "dyad/context/date_resolver.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "dyad/context/clause.h"
#include "dyad/core/tsv.h"
#include "dyad/text/normalizer.h"

namespace dyad {

// Howard Hinnant's algorithms (public domain), proleptic Gregorian calendar.
int64_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civil_from_days(int64_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(static_cast<int64_t>(yoe) + era * 400 + (m <= 2));
}

namespace {

bool valid_date(int y, unsigned m, unsigned d) {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  int yy;
  unsigned mm, dd;
  civil_from_days(days_from_civil(y, m, d), yy, mm, dd);
  return yy == y && mm == m && dd == d;
}

// ISO weekday, 1 = Monday .. 7 = Sunday (1970-01-01 was a Thursday).
int iso_weekday(int64_t days) { return static_cast<int>(((days + 3) % 7 + 7) % 7) + 1; }

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "3", "3rd", "21st" -> 3 / 21; 0 when not a day of the month.
unsigned day_number(const std::string& form) {
  size_t n = 0;
  while (n < form.size() && form[n] >= '0' && form[n] <= '9') ++n;
  if (n == 0 || n > 2) return 0;
  const std::string rest = form.substr(n);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
  const unsigned d = static_cast<unsigned>(std::atoi(form.substr(0, n).c_str()));
  return d >= 1 && d <= 31 ? d : 0;
}

int year_number(const std::string& form) {
  if (form.size() != 4 || !all_digits(form)) return 0;
  const int y = std::atoi(form.c_str());
  return y >= 1900 && y <= 2100 ? y : 0;
}

bool capitalised(const std::string& form) { return !form.empty() && form[0] >= 'A' && form[0] <= 'Z'; }

int64_t month_start(int y, int m) {  // m may run outside 1..12
  while (m < 1) m += 12, --y;
  while (m > 12) m -= 12, ++y;
  return days_from_civil(y, static_cast<unsigned>(m), 1);
}

}  // namespace

bool parse_iso_date(const std::string& s, int64_t& days) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!all_digits(s.substr(0, 4)) || !all_digits(s.substr(5, 2)) || !all_digits(s.substr(8, 2))) return false;
  const int y = std::atoi(s.substr(0, 4).c_str());
  const unsigned m = static_cast<unsigned>(std::atoi(s.substr(5, 2).c_str()));
  const unsigned d = static_cast<unsigned>(std::atoi(s.substr(8, 2).c_str()));
  if (!valid_date(y, m, d)) return false;
  days = days_from_civil(y, m, d);
  return true;
}

std::string format_iso_date(int64_t days) {
  int y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

namespace {

const char* kKindNames[] = {"weekday", "month", "day", "unit", "shift", "year_prep", "ago", "number"};

// Bounds of a `day` offset and a `number` VALUE. A number counts back units from the
// article date ("N years ago"), as digits do (at most three: 999), so that every date
// the resolver computes stays a four-digit year and its arithmetic within int.
constexpr int kMaxDayOffset = 7;
constexpr int kMaxNumber = 999;

void read_words(const std::string& path, std::unordered_map<std::string, std::pair<DateResolver::Kind, int>>& words,
                std::vector<std::string>& problems) {
  for_each_tsv_row(path, [&](const TsvRow& row) {
    const auto* k = std::find_if(std::begin(kKindNames), std::end(kKindNames),
                                 [&](const char* n) { return row.field(0) == n; });
    if (k == std::end(kKindNames)) {
      problems.push_back(row.where() + ": unknown KIND '" + row.field(0) + "'");
      return;
    }
    const auto kind = static_cast<DateResolver::Kind>(k - std::begin(kKindNames));
    const std::string& v = row.field(2);
    int value = 0;
    if (kind == DateResolver::Kind::Unit) {
      if (v == "day") value = 1;
      else if (v == "week") value = 7;
      else if (v == "month") value = 30;
      else if (v == "year") value = 365;
      else problems.push_back(row.where() + ": unit VALUE must be day, week, month or year: '" + v + "'");
    } else if (kind != DateResolver::Kind::YearPrep && kind != DateResolver::Kind::Ago) {
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
      const bool ok = ec == std::errc() && p == v.data() + v.size() &&
                      (kind != DateResolver::Kind::Weekday || (value >= 1 && value <= 7)) &&
                      (kind != DateResolver::Kind::Month || (value >= 1 && value <= 12)) &&
                      (kind != DateResolver::Kind::Shift || (value >= -1 && value <= 1)) &&
                      (kind != DateResolver::Kind::Day || (value >= -kMaxDayOffset && value <= kMaxDayOffset)) &&
                      (kind != DateResolver::Kind::Number || (value >= 0 && value <= kMaxNumber));
      if (!ok) problems.push_back(row.where() + ": bad VALUE '" + v + "' for " + row.field(0));
    }
    for (const auto& w : split(row.field(1), '|')) {
      if (w.empty()) continue;
      if (!words.emplace(fold_case(w), std::make_pair(kind, value)).second)
        problems.push_back(row.where() + ": '" + w + "' is listed twice");
    }
  });
}

}  // namespace

DateResolver DateResolver::load(const std::string& path) {
  DateResolver r;
  std::vector<std::string> problems;
  read_words(path, r.words_, problems);
  if (!problems.empty()) throw std::runtime_error(problems.front());
  return r;
}

std::vector<std::string> DateResolver::check(const std::string& path) {
  std::unordered_map<std::string, std::pair<Kind, int>> words;
  std::vector<std::string> problems;
  try {
    read_words(path, words, problems);
  } catch (const std::exception& e) {
    problems.push_back(e.what());
  }
  return problems;
}

const std::pair<DateResolver::Kind, int>* DateResolver::word(const Token& t) const {
  std::string w = fold_case(t.form);
  auto it = words_.find(w);
  if (it != words_.end()) return &it->second;
  if (w.size() > 1 && w.back() == 's') {  // plural units: "days ago"
    w.pop_back();
    it = words_.find(w);
    if (it != words_.end() && it->second.first == Kind::Unit) return &it->second;
  }
  return nullptr;
}

void DateResolver::find(const Sentence& s, int64_t article, std::vector<Expression>& out) const {
  const bool dated = article != INT64_MIN;
  const auto& toks = s.tokens;
  const size_t n = toks.size();
  int y0 = 0;
  unsigned m0 = 0, d0 = 0;
  if (dated) civil_from_days(article, y0, m0, d0);
  auto kind_at = [&](size_t k) -> const std::pair<Kind, int>* { return k < n ? word(toks[k]) : nullptr; };
  auto emit = [&](uint32_t head, size_t first, size_t last, int64_t days, uint8_t precision) {
    out.push_back({head, static_cast<uint32_t>(first), static_cast<uint32_t>(last), days, precision});
  };
  // "COUNT UNIT ago" at token i (the unit in days: 1, 7, 30, 365); moves i past it.
  auto emit_ago = [&](size_t& i, int count, int unit) {
    const auto head = static_cast<uint32_t>(i + 1);
    if (unit == 1) emit(head, i, i + 2, article - count, 4);
    else if (unit == 7) emit(head, i, i + 2, article - 7 * count - (iso_weekday(article - 7 * count) - 1), 3);
    else if (unit == 30) emit(head, i, i + 2, month_start(y0, static_cast<int>(m0) - count), 2);
    else emit(head, i, i + 2, days_from_civil(y0 - count, 1, 1), 1);
    i += 2;
  };
  // A month and day with no year: the article's year, or the one before when that
  // would put the date over 180 days after the article.
  auto infer_year = [&](unsigned m, unsigned d) -> int64_t {
    if (!valid_date(y0, m, d)) return valid_date(y0 - 1, m, d) ? days_from_civil(y0 - 1, m, d) : INT64_MIN;
    const int64_t t = days_from_civil(y0, m, d);
    return t > article + 180 ? days_from_civil(y0 - 1, m, d) : t;
  };
  for (size_t i = 0; i < n; ++i) {
    const auto* w = word(toks[i]);
    const std::string& form = toks[i].form;
    if (!w) {
      // A bare year after "in"/"during": "in 2016".
      const int y = year_number(form);
      const auto* before = i > 0 ? kind_at(i - 1) : nullptr;
      if (y && before && before->first == Kind::YearPrep) emit(static_cast<uint32_t>(i), i - 1, i, days_from_civil(y, 1, 1), 1);
      // "N days ago" with digits.
      if (all_digits(form) && form.size() <= 3) {
        const auto* unit = kind_at(i + 1);
        const auto* ago = kind_at(i + 2);
        if (unit && unit->first == Kind::Unit && ago && ago->first == Kind::Ago && dated) {
          emit_ago(i, std::atoi(form.c_str()), unit->second);
        }
      }
      continue;
    }
    const Kind kind = w->first;
    const auto* prev = i > 0 ? kind_at(i - 1) : nullptr;
    const int shift = prev && prev->first == Kind::Shift ? prev->second : 2;  // 2 = none
    const size_t first = shift != 2 ? i - 1 : i;
    if (kind == Kind::Month && capitalised(form)) {
      const unsigned m = static_cast<unsigned>(w->second);
      const unsigned d_after = i + 1 < n ? day_number(toks[i + 1].form) : 0;
      const unsigned d_before = i > 0 ? day_number(toks[i - 1].form) : 0;
      if (d_after || d_before) {  // "March 3", "March 3, 2024", "3 March 2024"
        size_t last = d_after ? i + 1 : i;
        size_t k = last + 1;
        if (k < n && toks[k].form == ",") ++k;
        const int y = k < n ? year_number(toks[k].form) : 0;
        if (y) last = k;
        const unsigned d = d_after ? d_after : d_before;
        int64_t t = INT64_MIN;
        if (y) t = valid_date(y, m, d) ? days_from_civil(y, m, d) : INT64_MIN;
        else if (dated) t = infer_year(m, d);
        if (t != INT64_MIN) emit(static_cast<uint32_t>(i), d_after ? i : i - 1, last, t, 4);
        i = last;
      } else if (i + 1 < n && year_number(toks[i + 1].form)) {  // "March 2024"
        emit(static_cast<uint32_t>(i), i, i + 1, days_from_civil(year_number(toks[i + 1].form), m, 1), 2);
        ++i;
      } else if (prev && prev->first == Kind::YearPrep && dated) {  // "in March"
        const int64_t t = infer_year(m, 1);
        if (t != INT64_MIN) emit(static_cast<uint32_t>(i), i - 1, i, t, 2);
      }
    } else if (kind == Kind::Weekday && capitalised(form) && dated) {
      const int64_t back = (iso_weekday(article) - w->second + 7) % 7;  // 0..6 days before
      int64_t t = article - back;
      if (shift == -1 && back == 0) t -= 7;                 // "last Tuesday" on a Tuesday
      if (shift == 1) t += 7;                               // "next Tuesday": after the article
      emit(static_cast<uint32_t>(i), first, i, t, 4);
    } else if (kind == Kind::Day && dated) {
      emit(static_cast<uint32_t>(i), i, i, article + w->second, 4);
    } else if (kind == Kind::Unit && shift != 2 && dated) {  // "last week", "this month", "next year"
      const int u = w->second;
      if (u == 7) {
        const int64_t monday = article - (iso_weekday(article) - 1);
        emit(static_cast<uint32_t>(i), first, i, monday + 7 * shift, 3);
      } else if (u == 30) {
        emit(static_cast<uint32_t>(i), first, i, month_start(y0, static_cast<int>(m0) + shift), 2);
      } else if (u == 365) {
        emit(static_cast<uint32_t>(i), first, i, days_from_civil(y0 + shift, 1, 1), 1);
      }
    } else if (kind == Kind::Number && dated) {  // "two days ago", "a week ago"
      const auto* unit = kind_at(i + 1);
      const auto* ago = kind_at(i + 2);
      if (unit && unit->first == Kind::Unit && ago && ago->first == Kind::Ago) {
        emit_ago(i, w->second, unit->second);
      }
    }
  }
}

void DateResolver::resolve(Sentence& s, const std::string& article_date) const {
  if (s.events.empty()) return;
  int64_t article = INT64_MIN;
  if (!parse_iso_date(article_date, article)) article = INT64_MIN;
  const bool dated = article != INT64_MIN;
  std::vector<Expression> exprs;
  find(s, article, exprs);
  const bool parsed = is_parsed(s);
  static const char* kResolution[] = {"", "year", "month", "week", "day"};
  for (auto& e : s.events) {
    e.date = dated ? article_date : "";
    e.date_resolution = dated ? "article" : "";
    const Expression* best = nullptr;
    auto distance = [&](const Expression& x) {
      return std::abs(static_cast<int64_t>(x.head) - static_cast<int64_t>(e.trigger_first));
    };
    for (const auto& x : exprs) {
      // Without a parse, only a sentence's one date phrase is trusted.
      if (parsed ? !in_trigger_clause(s, x.head, e.trigger_first) : exprs.size() != 1) continue;
      if (!best || x.precision > best->precision || (x.precision == best->precision && distance(x) < distance(*best)))
        best = &x;
    }
    if (best) {
      e.date = format_iso_date(best->days);
      e.date_resolution = kResolution[best->precision];
    }
  }
}

}  // namespace dyad
