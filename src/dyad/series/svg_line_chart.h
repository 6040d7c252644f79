// A small SVG line chart for reports: title, y axis with "nice" ticks and grid lines,
// x axis with period labels (thinned when crowded), one polyline per series with
// point markers, and a legend. Self-contained SVG 1.1, no scripts or external fonts.
#pragma once

#include <string>
#include <vector>

namespace dyad {

struct ChartLine {
  std::string name;    // legend text
  std::string colour;  // any SVG colour ("#0072B2")
  std::vector<double> values;  // one per x label
};

struct LineChart {
  std::string title, subtitle;
  std::string x_title, y_title;
  std::vector<std::string> x_labels;
  std::vector<ChartLine> lines;
  int width = 800, height = 440;
};

// Tick values from 0 (or below, for negative data) to at least max, at a step of 1, 2
// or 5 times a power of ten, about `target` of them.
std::vector<double> nice_ticks(double min, double max, int target = 5);

std::string render_svg(const LineChart& chart);

}  // namespace dyad
