// Small inline SVG charts for the CRM report: horizontal bars and a line chart over days. Plain
// SVG 1.1 (no script, no external font or image), every label escaped (html_text.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kiosk::sim {

struct Bar {
    std::string label;
    double value = 0;                  // the bar's length, on the chart's scale
    std::optional<double> part;        // drawn over the bar's start in the accent colour (e.g. drop-off)
    std::optional<double> marker;      // a thin tick (e.g. p95 beside a median)
    std::string text;                  // shown after the bar
};

struct BarChart {
    std::string title;                 // the SVG's <title>, for screen readers
    std::vector<Bar> bars;
    double max = 0;                    // the scale's end; 0: the largest value or marker
    std::string legend_value;          // what the bar is, e.g. "sessions that reached the screen"
    std::string legend_part;           // what the accent part is; empty: no legend for it
    std::string legend_marker;
};

struct Series {
    std::string name;
    std::vector<std::optional<double>> values;  // one per category; nullopt leaves a gap
};

struct LineChart {
    std::string title;
    std::vector<std::string> categories;  // x axis, e.g. days
    std::vector<Series> series;
    double y_min = 0;
    double y_max = 1;
    std::vector<double> y_ticks;
    int decimals = 1;                     // of the point labels
    std::optional<double> baseline;       // a dashed line (e.g. NPS 0)
};

std::string render_bar_chart(const BarChart& chart);
std::string render_line_chart(const LineChart& chart);

}  // namespace kiosk::sim
