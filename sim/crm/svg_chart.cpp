#include "sim/crm/svg_chart.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "sim/crm/html_text.hpp"

namespace kiosk::sim {

namespace {

constexpr std::array<const char*, 6> kSeriesColours{"#1f6fb2", "#d9822b", "#2e9e5b", "#8e44ad", "#c0392b", "#7f8c8d"};
constexpr const char* kBarColour = "#7fb3e0";
constexpr const char* kPartColour = "#d9534f";
constexpr const char* kMarkerColour = "#1f3b57";

std::string num(double value) { return fixed_number(value, 1); }

std::string text_element(double x, double y, const std::string& text, const char* anchor = "start",
                         const char* extra = "") {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\"" + extra + ">" +
           html_escape(text) + "</text>";
}

std::string rect(double x, double y, double width, double height, const char* fill) {
    return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(std::max(width, 0.0)) + "\" height=\"" +
           num(height) + "\" fill=\"" + fill + "\"/>";
}

std::string open_svg(double width, double height, const std::string& title) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) + "\" height=\"" + num(height) +
           "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
           "\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\" role=\"img\"><title>" +
           html_escape(title) + "</title>";
}

}  // namespace

std::string render_bar_chart(const BarChart& chart) {
    constexpr double kLabelWidth = 150, kBarArea = 330, kTextWidth = 180, kRow = 22, kTop = 8;
    double max = chart.max;
    for (const Bar& bar : chart.bars) max = std::max({max, bar.value, bar.marker.value_or(0.0)});
    if (max <= 0) max = 1;
    const bool legend = !chart.legend_value.empty();
    const double legend_height = legend ? 24 : 0;
    const double height = kTop + kRow * static_cast<double>(std::max<std::size_t>(chart.bars.size(), 1)) + legend_height + 4;
    const double width = kLabelWidth + kBarArea + kTextWidth;
    std::string svg = open_svg(width, height, chart.title);
    if (chart.bars.empty()) svg += text_element(kLabelWidth, kTop + 15, "no data", "start", " fill=\"#777\"");
    double y = kTop;
    for (const Bar& bar : chart.bars) {
        const double length = kBarArea * std::clamp(bar.value / max, 0.0, 1.0);
        svg += text_element(kLabelWidth - 8, y + 15, bar.label, "end");
        svg += rect(kLabelWidth, y + 3, length, kRow - 6, kBarColour);
        if (bar.part) svg += rect(kLabelWidth, y + 3, kBarArea * std::clamp(*bar.part / max, 0.0, 1.0), kRow - 6, kPartColour);
        if (bar.marker) {
            const double x = kLabelWidth + kBarArea * std::clamp(*bar.marker / max, 0.0, 1.0);
            svg += "<line x1=\"" + num(x) + "\" y1=\"" + num(y + 1) + "\" x2=\"" + num(x) + "\" y2=\"" + num(y + kRow - 1) +
                   "\" stroke=\"" + kMarkerColour + "\" stroke-width=\"2\"/>";
        }
        const double text_x = kLabelWidth + std::max(length, bar.marker ? kBarArea * std::clamp(*bar.marker / max, 0.0, 1.0) : 0.0) + 6;
        svg += text_element(text_x, y + 15, bar.text, "start", " fill=\"#333\"");
        y += kRow;
    }
    if (legend) {
        const double ly = y + 8;
        double lx = kLabelWidth;
        const auto key = [&](const char* colour, const std::string& text) {
            svg += rect(lx, ly, 12, 12, colour);
            svg += text_element(lx + 16, ly + 10, text, "start", " font-size=\"11\" fill=\"#555\"");
            lx += 28 + 6.2 * static_cast<double>(text.size());
        };
        key(kBarColour, chart.legend_value);
        if (!chart.legend_part.empty()) key(kPartColour, chart.legend_part);
        if (!chart.legend_marker.empty()) key(kMarkerColour, chart.legend_marker);
    }
    return svg + "</svg>";
}

std::string render_line_chart(const LineChart& chart) {
    constexpr double kLeft = 48, kRight = 120, kTop = 24, kPlotHeight = 160, kBottom = 30;
    const double columns = static_cast<double>(std::max<std::size_t>(chart.categories.size(), 1));
    const double step = std::clamp(380.0 / columns, 36.0, 90.0);
    const double plot_width = step * columns;
    const double width = kLeft + plot_width + kRight;
    const double height = kTop + kPlotHeight + kBottom;
    const double span = chart.y_max > chart.y_min ? chart.y_max - chart.y_min : 1;
    const auto y_of = [&](double value) {
        return kTop + kPlotHeight * (1.0 - (std::clamp(value, chart.y_min, chart.y_max) - chart.y_min) / span);
    };
    const auto x_of = [&](std::size_t index) { return kLeft + step * (static_cast<double>(index) + 0.5); };

    std::string svg = open_svg(width, height, chart.title);
    for (const double tick : chart.y_ticks) {
        const double y = y_of(tick);
        svg += "<line x1=\"" + num(kLeft) + "\" y1=\"" + num(y) + "\" x2=\"" + num(kLeft + plot_width) + "\" y2=\"" +
               num(y) + "\" stroke=\"#e3e3e3\"/>";
        svg += text_element(kLeft - 6, y + 4, fixed_number(tick, std::fmod(tick, 1.0) == 0 ? 0 : 1), "end",
                            " fill=\"#555\" font-size=\"11\"");
    }
    if (chart.baseline) {
        const double y = y_of(*chart.baseline);
        svg += "<line x1=\"" + num(kLeft) + "\" y1=\"" + num(y) + "\" x2=\"" + num(kLeft + plot_width) + "\" y2=\"" +
               num(y) + "\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>";
    }
    svg += "<line x1=\"" + num(kLeft) + "\" y1=\"" + num(kTop + kPlotHeight) + "\" x2=\"" + num(kLeft + plot_width) +
           "\" y2=\"" + num(kTop + kPlotHeight) + "\" stroke=\"#888\"/>";
    for (std::size_t i = 0; i < chart.categories.size(); ++i) {
        // Days print as "01-05": the year is in the section's heading.
        const std::string& category = chart.categories[i];
        svg += text_element(x_of(i), kTop + kPlotHeight + 16, category.size() == 10 ? category.substr(5) : category,
                            "middle", " fill=\"#555\" font-size=\"11\"");
    }
    if (chart.categories.empty()) svg += text_element(kLeft + 10, kTop + kPlotHeight / 2, "no data", "start", " fill=\"#777\"");
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const Series& series = chart.series[s];
        const char* colour = kSeriesColours[s % kSeriesColours.size()];
        std::string path;
        bool pen_down = false;
        for (std::size_t i = 0; i < series.values.size() && i < chart.categories.size(); ++i) {
            if (!series.values[i]) {
                pen_down = false;  // a day without data is a gap, not a zero
                continue;
            }
            path += (pen_down ? " L " : " M ") + num(x_of(i)) + " " + num(y_of(*series.values[i]));
            pen_down = true;
        }
        if (!path.empty()) {
            svg += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"/>";
        }
        for (std::size_t i = 0; i < series.values.size() && i < chart.categories.size(); ++i) {
            if (!series.values[i]) continue;
            svg += "<circle cx=\"" + num(x_of(i)) + "\" cy=\"" + num(y_of(*series.values[i])) + "\" r=\"3.5\" fill=\"" +
                   colour + "\"/>";
            if (chart.series.size() == 1) {
                svg += text_element(x_of(i), y_of(*series.values[i]) - 8, fixed_number(*series.values[i], chart.decimals),
                                    "middle", " font-size=\"10\" fill=\"#333\"");
            }
        }
        const double ly = kTop + 6 + 18 * static_cast<double>(s);
        svg += rect(kLeft + plot_width + 14, ly, 12, 12, colour);
        svg += text_element(kLeft + plot_width + 30, ly + 10, series.name, "start", " font-size=\"11\"");
    }
    return svg + "</svg>";
}

}  // namespace kiosk::sim
