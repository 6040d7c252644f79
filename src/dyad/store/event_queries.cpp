#include "dyad/store/event_queries.h"

#include <cctype>

#include "dyad/io/event_record.h"

namespace dyad {

std::string one_a_day_sql() {
  return "SELECT * FROM (SELECT events.*, COUNT(*) OVER day_group AS n_events, "
         "ROW_NUMBER() OVER (day_group ORDER BY doc_id, sentence_index, event_index) AS day_rank FROM events "
         "WINDOW day_group AS (PARTITION BY COALESCE(date, event_id), source_code, target_code, event_code)) "
         "WHERE day_rank = 1";
}

const std::vector<std::string>& dedup_columns() {
  static const std::vector<std::string> cols = {
      "event_id",       "doc_id",      "date",        "date_resolution", "source_code",    "source_country",
      "source_role",    "target_code", "target_country", "target_role",  "event_code",     "event_root",
      "event_label",    "goldstein",   "quad_class",  "plover_category", "plover_mode",    "location_name",
      "location_country", "lat",       "lon",         "n_events",        "sentence_text"};
  return cols;
}

DedupCounts write_one_a_day(EventStore& store, std::ostream& out) {
  DedupCounts counts;
  counts.events = store.event_count();
  std::string select;
  for (const auto& c : dedup_columns()) {
    if (!select.empty()) select += ", ";
    select += c;
  }
  auto q = store.db().prepare("SELECT " + select + " FROM (" + one_a_day_sql() +
                              ") ORDER BY date, source_code, target_code, event_code, doc_id, sentence_index, "
                              "event_index");
  const auto& cols = dedup_columns();
  for (size_t i = 0; i < cols.size(); ++i) out << (i ? "\t" : "") << cols[i];
  out << '\n';
  while (q.step()) {
    for (int i = 0; i < q.columns(); ++i) out << (i ? "\t" : "") << tsv_field(q.text(i));
    out << '\n';
    ++counts.kept;
  }
  return counts;
}

std::optional<DyadFilter> parse_dyad(const std::string& text) {
  const auto dash = text.find('-');
  if (dash == std::string::npos || text.find('-', dash + 1) != std::string::npos) return std::nullopt;
  auto side = [](std::string s) -> std::optional<std::string> {
    if (s == "*") return std::string();
    if (s.size() < 3 || s.size() > 6) return std::nullopt;
    for (char& c : s) {
      if (!std::isalnum(static_cast<unsigned char>(c))) return std::nullopt;
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return s;
  };
  auto source = side(text.substr(0, dash)), target = side(text.substr(dash + 1));
  if (!source || !target) return std::nullopt;
  return DyadFilter{*source, *target, false};
}

std::vector<EventPoint> dyad_events(EventStore& store, const DyadFilter& dyad, bool one_a_day) {
  // ?1 / ?2 are NULL for "any"; both directions add the mirrored condition.
  std::string where = "(?1 IS NULL OR source_country = ?1) AND (?2 IS NULL OR target_country = ?2)";
  if (dyad.both_directions)
    where = "((" + where + ") OR ((?1 IS NULL OR target_country = ?1) AND (?2 IS NULL OR source_country = ?2)))";
  const std::string from = one_a_day ? "(" + one_a_day_sql() + ")" : "events";
  auto q = store.db().prepare("SELECT date, quad_class, goldstein FROM " + from +
                              " WHERE quad_class IS NOT NULL AND " + where + " ORDER BY date");
  q.bind(1, dyad.source).bind(2, dyad.target);
  std::vector<EventPoint> points;
  while (q.step()) points.push_back({q.text(0), static_cast<int>(q.integer(1)), q.real(2)});
  return points;
}

}  // namespace dyad
