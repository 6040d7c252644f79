// dyad dedup / series: commands that read the SQLite event store (`dyad code --db`).
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include "command_support.h"
#include "commands.h"
#include "dyad/series/event_series.h"
#include "dyad/series/svg_line_chart.h"
#include "dyad/store/event_queries.h"
#include "dyad/store/event_store.h"

namespace dyad {
namespace {


// Opens the store read-only; on failure prints why and returns null.
std::unique_ptr<EventStore> open_store(const std::string& command, const std::string& path) {
  try {
    return EventStore::open_for_reading(path);
  } catch (const std::exception& e) {
    std::cerr << command << ": " << e.what() << "\n";
    return nullptr;
  }
}

// Okabe-Ito colours: distinguishable with colour-blindness and in greyscale print;
// blues for cooperation, orange/red for conflict.
const std::array<const char*, 4> kQuadColours = {"#56B4E9", "#0072B2", "#E69F00", "#D55E00"};
const std::array<const char*, 4> kQuadLegend = {"Verbal cooperation", "Material cooperation", "Verbal conflict",
                                                "Material conflict"};

LineChart series_chart(const EventSeries& s, const std::string& dyad_text, bool both_directions, bool one_a_day,
                       size_t events) {
  LineChart c;
  std::string dyad = dyad_text;
  const auto dash = dyad.find('-');
  dyad.replace(dash, 1, both_directions ? " \u2194 " : " \u2192 ");
  c.title = dyad + ": events per " + period_name(s.period) + " by quad class";
  c.subtitle = std::to_string(events) + " events" + (one_a_day ? " (one-a-day filtered)" : "") + ", " +
               s.rows.front().period + " to " + s.rows.back().period;
  c.x_title = s.period == Period::Week ? "week (starting Monday)" : period_name(s.period);
  c.y_title = "events";
  for (const auto& r : s.rows) c.x_labels.push_back(r.period);
  for (size_t q = 0; q < 4; ++q) {
    ChartLine line{kQuadLegend[q], kQuadColours[q], {}};
    for (const auto& r : s.rows) line.values.push_back(static_cast<double>(r.quad_counts[q]));
    c.lines.push_back(std::move(line));
  }
  return c;
}

}  // namespace

int cmd_dedup(const std::vector<std::string>& args) {
  CLI::App app{"Apply the one-a-day filter to an event store: events with the same date, source actor,\n"
               "target actor and CAMEO code count once. Writes the kept events as TSV (with n_events,\n"
               "how many events each stands for); the database is only read. See docs/EVENT_STORE.md.",
               "dyad dedup"};
  std::string db_path, output = "-";
  app.add_option("--db", db_path, "event store written by 'dyad code --db'")->required();
  app.add_option("-o,--output", output, "output TSV file ('-' = stdout)");
  if (int rc = parse_options(app, args); rc >= 0) return rc;
  auto store = open_store("dyad dedup", db_path);
  if (!store) return 2;
  std::ofstream file;
  std::ostream* out = open_output("dyad dedup", output, file);
  if (!out) return 2;
  const DedupCounts counts = write_one_a_day(*store, *out);
  out->flush();
  if (!*out) {
    std::cerr << "dyad dedup: error writing " << output << "\n";
    return 2;
  }
  std::cerr << "dyad dedup: " << counts.events << " events, " << counts.kept << " after the one-a-day filter\n";
  return 0;
}

int cmd_series(const std::vector<std::string>& args) {
  CLI::App app{"Count a dyad's events over time from an event store: one TSV row per period with the\n"
               "number of events per quad class and their summed Goldstein value; --plot also draws\n"
               "them as an SVG line chart. --dyad SRC-TGT is directed (SRC acts on TGT); '*' matches\n"
               "any country (USA-*, *-CHN); --both-directions counts TGT acting on SRC too.",
               "dyad series"};
  std::string db_path, dyad_text, by = "month", plot_path, output = "-";
  bool both_directions = false, one_a_day = false;
  app.add_option("--db", db_path, "event store written by 'dyad code --db'")->required();
  app.add_option("--dyad", dyad_text, "source-target country codes, e.g. USA-CHN, USA-*, *-CHN")->required();
  app.add_option("--by", by, "period: day, week (ISO, starting Monday) or month")
      ->check(CLI::IsMember({"day", "week", "month"}))
      ->capture_default_str();
  app.add_flag("--both-directions", both_directions, "count events in both directions (USA-CHN and CHN-USA)");
  app.add_flag("--one-a-day", one_a_day, "apply the one-a-day filter first (as 'dyad dedup')");
  app.add_option("--plot", plot_path, "also draw the series as an SVG line chart to this file");
  app.add_option("-o,--output", output, "output TSV file ('-' = stdout)");
  if (int rc = parse_options(app, args); rc >= 0) return rc;
  auto dyad = parse_dyad(dyad_text);
  if (!dyad) {
    std::cerr << "dyad series: --dyad must be SOURCE-TARGET country codes such as USA-CHN, USA-* or *-CHN, got '"
              << dyad_text << "'\n";
    return 2;
  }
  dyad->both_directions = both_directions;
  auto store = open_store("dyad series", db_path);
  if (!store) return 2;
  const auto events = dyad_events(*store, *dyad, one_a_day);
  const EventSeries series = build_series(events, *parse_period(by));

  std::ofstream file;
  std::ostream* out = open_output("dyad series", output, file);
  if (!out) return 2;
  write_series_tsv(series, *out);
  out->flush();
  if (series.undated) std::cerr << "dyad series: " << series.undated << " events without a date left out\n";
  if (series.rows.empty()) std::cerr << "dyad series: no dated events for " << dyad_text << "\n";

  if (!plot_path.empty()) {
    if (series.rows.empty()) {
      std::cerr << "dyad series: nothing to plot, " << plot_path << " not written\n";
      return 1;
    }
    std::string label = (dyad->source.empty() ? "*" : dyad->source) + "-" + (dyad->target.empty() ? "*" : dyad->target);
    std::ofstream svg(plot_path, std::ios::binary);
    svg << render_svg(series_chart(series, label, both_directions, one_a_day, events.size() - series.undated));
    svg.flush();
    if (!svg) {
      std::cerr << "dyad series: cannot write " << plot_path << "\n";
      return 2;
    }
  }
  return 0;
}

}  // namespace dyad
