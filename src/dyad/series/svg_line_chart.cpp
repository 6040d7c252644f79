#include "dyad/series/svg_line_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace dyad {
namespace {

std::string xml_escape(const std::string& s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s == "-0" ? "0" : s;
}

std::string tick_label(double v, double step) {
  char buf[32];
  std::snprintf(buf, sizeof buf, step >= 1 ? "%.0f" : "%.2g", v);
  return std::string(buf) == "-0" ? "0" : buf;
}

}  // namespace

std::vector<double> nice_ticks(double min, double max, int target) {
  min = std::min(0.0, min);
  if (!(max > min)) max = min + 1;
  const double raw = (max - min) / std::max(1, target);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (raw <= m * magnitude) {
      step = m * magnitude;
      break;
    }
  std::vector<double> ticks;
  const double first = std::floor(min / step) * step;
  for (double t = first; t < max + step * 0.999; t += step) ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
  return ticks;
}

std::string render_svg(const LineChart& c) {
  const double left = 64, right = 40, top = c.subtitle.empty() ? 56 : 72, bottom = 92;
  const double plot_w = c.width - left - right, plot_h = c.height - top - bottom;
  const size_t n = c.x_labels.size();

  double lo = 0, hi = 0;
  for (const auto& line : c.lines)
    for (double v : line.values) lo = std::min(lo, v), hi = std::max(hi, v);
  const std::vector<double> ticks = nice_ticks(lo, hi);
  const double y_min = ticks.front(), y_max = ticks.back();
  const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
  auto x_at = [&](size_t i) { return left + (n <= 1 ? plot_w / 2 : plot_w * static_cast<double>(i) / (n - 1)); };
  auto y_at = [&](double v) { return top + plot_h * (1 - (v - y_min) / (y_max - y_min)); };

  std::ostringstream o;
  o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << c.width << "\" height=\"" << c.height
    << "\" viewBox=\"0 0 " << c.width << ' ' << c.height << "\" font-family=\"Helvetica, Arial, sans-serif\">\n"
    << "  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
    << "  <text class=\"title\" x=\"" << left << "\" y=\"28\" font-size=\"18\" font-weight=\"bold\" fill=\"#222\">"
    << xml_escape(c.title) << "</text>\n";
  if (!c.subtitle.empty())
    o << "  <text class=\"subtitle\" x=\"" << left << "\" y=\"50\" font-size=\"13\" fill=\"#555\">"
      << xml_escape(c.subtitle) << "</text>\n";

  // Y axis: grid lines and tick labels.
  o << "  <g class=\"y-axis\" font-size=\"12\" fill=\"#444\" text-anchor=\"end\">\n";
  for (double t : ticks) {
    const std::string y = num(y_at(t));
    o << "    <line x1=\"" << num(left) << "\" y1=\"" << y << "\" x2=\"" << num(left + plot_w) << "\" y2=\"" << y
      << "\" stroke=\"" << (t == 0 ? "#999" : "#e5e5e5") << "\" stroke-width=\"1\"/>\n"
      << "    <text x=\"" << num(left - 8) << "\" y=\"" << num(y_at(t) + 4) << "\">" << tick_label(t, step)
      << "</text>\n";
  }
  o << "    <line class=\"axis\" x1=\"" << num(left) << "\" y1=\"" << num(top) << "\" x2=\"" << num(left)
    << "\" y2=\"" << num(top + plot_h) << "\" stroke=\"#333\" stroke-width=\"1.5\"/>\n";
  if (!c.y_title.empty())
    o << "    <text class=\"axis-title\" transform=\"translate(16 " << num(top + plot_h / 2)
      << ") rotate(-90)\" text-anchor=\"middle\" font-size=\"13\" fill=\"#333\">" << xml_escape(c.y_title)
      << "</text>\n";
  o << "  </g>\n";

  // X axis: as many labels as fit side by side (about 6.5 px per character at 12 px),
  // evenly thinned.
  size_t widest = 1;
  for (const auto& l : c.x_labels) widest = std::max(widest, l.size());
  const size_t fit = std::max<size_t>(2, static_cast<size_t>(plot_w / (6.5 * static_cast<double>(widest) + 8)));
  const size_t every = std::max<size_t>(1, (n + fit - 1) / fit);
  o << "  <g class=\"x-axis\" font-size=\"12\" fill=\"#444\" text-anchor=\"middle\">\n"
    << "    <line class=\"axis\" x1=\"" << num(left) << "\" y1=\"" << num(top + plot_h) << "\" x2=\""
    << num(left + plot_w) << "\" y2=\"" << num(top + plot_h) << "\" stroke=\"#333\" stroke-width=\"1.5\"/>\n";
  for (size_t i = 0; i < n; ++i) {
    // The last period is labelled too unless it would crowd the previous label.
    const bool labelled = i % every == 0 || (i + 1 == n && i % every > every / 2);
    if (!labelled) continue;
    const std::string x = num(x_at(i));
    o << "    <line x1=\"" << x << "\" y1=\"" << num(top + plot_h) << "\" x2=\"" << x << "\" y2=\""
      << num(top + plot_h + 5) << "\" stroke=\"#333\"/>\n"
      << "    <text x=\"" << x << "\" y=\"" << num(top + plot_h + 20) << "\">" << xml_escape(c.x_labels[i])
      << "</text>\n";
  }
  if (!c.x_title.empty())
    o << "    <text class=\"axis-title\" x=\"" << num(left + plot_w / 2) << "\" y=\"" << num(top + plot_h + 40)
      << "\" font-size=\"13\" fill=\"#333\">" << xml_escape(c.x_title) << "</text>\n";
  o << "  </g>\n";

  // Lines, with markers while points are few enough to tell apart.
  for (const auto& line : c.lines) {
    o << "  <g class=\"series\" data-name=\"" << xml_escape(line.name) << "\">\n    <polyline fill=\"none\" stroke=\""
      << xml_escape(line.colour) << "\" stroke-width=\"2.2\" stroke-linejoin=\"round\" points=\"";
    for (size_t i = 0; i < n && i < line.values.size(); ++i)
      o << (i ? " " : "") << num(x_at(i)) << ',' << num(y_at(line.values[i]));
    o << "\"/>\n";
    if (n <= 60)
      for (size_t i = 0; i < n && i < line.values.size(); ++i)
        o << "    <circle cx=\"" << num(x_at(i)) << "\" cy=\"" << num(y_at(line.values[i])) << "\" r=\"3\" fill=\""
          << xml_escape(line.colour) << "\"/>\n";
    o << "  </g>\n";
  }

  // Legend: one row under the x axis title.
  o << "  <g class=\"legend\" font-size=\"12\" fill=\"#333\">\n";
  double lx = left;
  const double ly = c.height - 18;
  for (const auto& line : c.lines) {
    o << "    <line x1=\"" << num(lx) << "\" y1=\"" << num(ly - 4) << "\" x2=\"" << num(lx + 22) << "\" y2=\""
      << num(ly - 4) << "\" stroke=\"" << xml_escape(line.colour) << "\" stroke-width=\"3\"/>\n"
      << "    <text x=\"" << num(lx + 28) << "\" y=\"" << num(ly) << "\">" << xml_escape(line.name) << "</text>\n";
    lx += 28 + 7.0 * static_cast<double>(line.name.size()) + 24;
  }
  o << "  </g>\n</svg>\n";
  return o.str();
}

}  // namespace dyad
