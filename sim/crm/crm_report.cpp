#include "sim/crm/crm_report.hpp"

#include <algorithm>
#include <optional>

#include "kiosk/cx/cx_day.hpp"
#include "sim/crm/crm_report_data.hpp"
#include "sim/crm/html_text.hpp"
#include "sim/crm/svg_chart.hpp"

namespace kiosk::sim {

namespace {

// Old WebKit (wkhtmltoimage) renders it too: tables and blocks, no grid or flex.
constexpr const char* kStyle = R"css(
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #222; margin: 24px 32px; background: #fafafa; }
h1 { font-size: 24px; margin: 0 0 4px 0; }
h2 { font-size: 18px; margin: 28px 0 6px 0; border-bottom: 2px solid #1f6fb2; padding-bottom: 3px; }
h3 { font-size: 14px; margin: 14px 0 4px 0; color: #444; }
p.note { color: #555; font-size: 12px; margin: 2px 0 8px 0; max-width: 980px; }
table { border-collapse: collapse; font-size: 12px; margin: 6px 0 10px 0; background: #fff; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: right; white-space: nowrap; }
td.w { white-space: normal; text-align: left; }
th { background: #eef3f8; }
td.t, th.t { text-align: left; }
.cards td { border: none; padding: 6px 18px 6px 0; text-align: left; background: #fafafa; }
.card { display: inline-block; background: #fff; border: 1px solid #ddd; border-radius: 4px; padding: 8px 14px; min-width: 110px; }
.card b { display: block; font-size: 20px; }
.chart { display: inline-block; vertical-align: top; margin: 0 24px 8px 0; background: #fff; border: 1px solid #e3e3e3; padding: 4px; }
.bad { color: #b52b27; }
table.pair, table.pair > tbody > tr > td { border: none; background: none; padding: 0 18px 0 0; vertical-align: top; text-align: left; }
.status-resolved { color: #2e7d32; font-weight: bold; }
.status-in_progress { color: #b26a00; font-weight: bold; }
.status-received { color: #1f6fb2; font-weight: bold; }
)css";

std::string esc(const std::string& text) { return html_escape(text); }

std::string pct(const std::optional<double>& rate) { return rate ? fixed_number(*rate * 100.0, 1) + " %" : "–"; }
std::string num(const std::optional<double>& value, int decimals) { return value ? fixed_number(*value, decimals) : "–"; }
std::string signed_num(const std::optional<double>& value) {
    if (!value) return "–";
    return (*value > 0 ? "+" : "") + fixed_number(*value, 1);
}
std::string secs(std::optional<std::int64_t> ms) {
    return ms ? fixed_number(static_cast<double>(*ms) / 1000.0, 1) + " s" : "–";
}

std::string card(const std::string& label, const std::string& value) {
    return "<td><div class=\"card\"><b>" + esc(value) + "</b>" + esc(label) + "</div></td>";
}

std::string chart_box(const std::string& heading, const std::string& svg) {
    return "<div class=\"chart\"><h3>" + esc(heading) + "</h3>" + svg + "</div>";
}

// A chart with its table beside it (both already HTML).
std::string side_by_side(const std::string& left, const std::string& right) {
    return "<table class=\"pair\"><tr><td>" + left + "</td><td>" + right + "</td></tr></table>";
}

std::string summary(const ReportData& data, const ReportOptions& options) {
    std::string html = "<h1>" + esc(options.title) + "</h1>";
    std::string when = data.days.empty() ? std::string("no records") : data.days.front() + " to " + data.days.back() + " (UTC days)";
    if (options.generated_unix_ms != 0) when += "; generated " + utc_day_of_unix_ms(options.generated_unix_ms);
    html += "<p class=\"note\">" + esc(when) + ". Kiosks: ";
    for (std::size_t i = 0; i < data.kiosks.size(); ++i) html += (i == 0 ? "" : ", ") + esc(data.kiosks[i]);
    html += data.kiosks.empty() ? "none" : "";
    html += ".</p><table class=\"cards\"><tr>";
    html += card("records opened", std::to_string(data.records));
    for (const auto& [kind, count] : data.by_kind) html += card(kind, std::to_string(count));
    html += card("malformed", std::to_string(data.malformed.size()));
    return html + "</tr></table>";
}

std::string funnel_section(const ReportData& data) {
    std::string html = "<h2>Funnel and drop-off per step</h2><p class=\"note\">From " + std::to_string(data.journeys) +
                       " journeys: how many showed each screen (each journey counts a screen once), most reached first, "
                       "and how many were abandoned on it (<code>abandoned_at</code>: cancelled, timed out, walked away). "
                       "Drop-off = abandoned here / reached.</p>";
    BarChart chart;
    chart.title = "Journeys that reached each screen and were abandoned there";
    chart.legend_value = "journeys that reached the screen";
    chart.legend_part = "abandoned on it";
    chart.max = static_cast<double>(data.journeys);
    std::string table = "<table><tr><th class=\"t\">screen</th><th>reached</th><th>% of journeys</th><th>abandoned here</th>"
                        "<th>drop-off</th></tr>";
    for (const FunnelStep& step : data.funnel) {
        const std::optional<double> reached_share =
            data.journeys > 0 ? std::optional<double>(static_cast<double>(step.reached) / static_cast<double>(data.journeys))
                              : std::nullopt;
        const std::optional<double> drop =
            step.reached > 0 ? std::optional<double>(static_cast<double>(step.abandoned) / static_cast<double>(step.reached))
                             : std::nullopt;
        chart.bars.push_back(Bar{step.screen, static_cast<double>(step.reached),
                                 static_cast<double>(std::min(step.abandoned, step.reached)), std::nullopt,
                                 std::to_string(step.reached) + (step.abandoned > 0 ? ", " + std::to_string(step.abandoned) +
                                                                                          " abandoned (" + pct(drop) + ")"
                                                                                    : "")});
        table += "<tr><td class=\"t\">" + esc(step.screen) + "</td><td>" + std::to_string(step.reached) + "</td><td>" +
                 pct(reached_share) + "</td><td>" + std::to_string(step.abandoned) + "</td><td>" + pct(drop) + "</td></tr>";
    }
    return html + side_by_side(chart_box("Reached and abandoned, per screen", render_bar_chart(chart)), table + "</table>");
}

std::string step_time_section(const ReportData& data) {
    std::string html = "<h2>Time per step</h2><p class=\"note\">Dwell per screen visit (<code>steps[].dwell_ms</code>): "
                       "median (middle value) and p95 (nearest rank).</p>";
    BarChart chart;
    chart.title = "Median and p95 dwell per screen, seconds";
    chart.legend_value = "median dwell";
    chart.legend_marker = "p95";
    std::string table = "<table><tr><th class=\"t\">screen</th><th>visits</th><th>median</th><th>p95</th></tr>";
    for (const StepTime& step : data.step_times) {
        chart.bars.push_back(Bar{step.screen, static_cast<double>(step.median_ms) / 1000.0, std::nullopt,
                                 static_cast<double>(step.p95_ms) / 1000.0,
                                 secs(step.median_ms) + " (p95 " + secs(step.p95_ms) + ")"});
        table += "<tr><td class=\"t\">" + esc(step.screen) + "</td><td>" + std::to_string(step.samples) + "</td><td>" +
                 secs(step.median_ms) + "</td><td>" + secs(step.p95_ms) + "</td></tr>";
    }
    return html + side_by_side(chart_box("Dwell per screen (s)", render_bar_chart(chart)), table + "</table>");
}

std::string satisfaction_table(const std::string& group_name, const std::vector<Satisfaction>& groups) {
    std::string table = "<table><tr><th class=\"t\">" + esc(group_name) +
                        "</th><th>surveys shown</th><th>answered</th><th>CSAT mean</th><th>CSAT scores</th><th>NPS</th>"
                        "<th>NPS answers</th></tr>";
    for (const Satisfaction& group : groups) {
        table += "<tr><td class=\"t\">" + esc(group.group) + "</td><td>" + std::to_string(group.shown) + "</td><td>" +
                 pct(group.response_rate) + "</td><td>" + num(group.csat_mean, 2) + "</td><td>" +
                 std::to_string(group.csat_responses) + "</td><td>" + signed_num(group.nps) + "</td><td>" +
                 std::to_string(group.nps_responses) + "</td></tr>";
    }
    return table + "</table>";
}

LineChart over_days(const std::string& title, const std::vector<Satisfaction>& by_day, bool nps) {
    LineChart chart;
    chart.title = title;
    Series series{nps ? "NPS" : "CSAT mean", {}};
    for (const Satisfaction& day : by_day) {
        chart.categories.push_back(day.group);
        series.values.push_back(nps ? day.nps : day.csat_mean);
    }
    chart.series.push_back(std::move(series));
    if (nps) {
        chart.y_min = -100, chart.y_max = 100, chart.y_ticks = {-100, -50, 0, 50, 100}, chart.baseline = 0.0;
    } else {
        chart.y_min = 1, chart.y_max = 5, chart.y_ticks = {1, 2, 3, 4, 5}, chart.decimals = 2;
    }
    return chart;
}

BarChart csat_bars(const std::string& title, const std::vector<Satisfaction>& groups) {
    BarChart chart;
    chart.title = title;
    chart.max = 5;
    chart.legend_value = "CSAT mean (1–5)";
    for (const Satisfaction& group : groups) {
        chart.bars.push_back(Bar{group.group, group.csat_mean.value_or(0), std::nullopt, std::nullopt,
                                 num(group.csat_mean, 2) + ", NPS " + signed_num(group.nps)});
    }
    return chart;
}

std::string satisfaction_section(const ReportData& data) {
    std::string html = "<h2>CSAT and NPS</h2><p class=\"note\">From survey records. CSAT mean: answered 1–5 scores. "
                       "Response rate: answered / shown. NPS: % of 9–10 minus % of 0–6 among NPS answers (−100…+100), "
                       "none without answers.</p>";
    html += chart_box("CSAT mean per day", render_line_chart(over_days("CSAT mean per day", data.by_day, false)));
    html += chart_box("NPS per day", render_line_chart(over_days("NPS per day", data.by_day, true)));
    html += satisfaction_table("day", data.by_day);
    html += "<h3>By segment and by language</h3>";
    html += side_by_side(chart_box("CSAT by segment", render_bar_chart(csat_bars("CSAT by segment", data.by_segment))),
                         satisfaction_table("segment", data.by_segment));
    html += side_by_side(chart_box("CSAT by language", render_bar_chart(csat_bars("CSAT by language", data.by_language))),
                         satisfaction_table("language", data.by_language));
    return html;
}

std::string complaints_section(const ReportData& data) {
    std::string html = "<h2>Complaints</h2><p class=\"note\">Each complaint record, with the status the CRM holds for its "
                       "reference. By status: ";
    bool first = true;
    for (const auto& [status, count] : data.complaints_by_status) {
        html += (first ? "" : ", ") + esc(status) + " " + std::to_string(count);
        first = false;
    }
    if (first) html += "none";
    html += ".</p><table><tr><th class=\"t\">reference</th><th class=\"t\">kiosk</th><th class=\"t\">day</th>"
            "<th class=\"t\">category</th><th>amount</th><th class=\"t\">language</th><th class=\"t\">after a failure</th>"
            "<th class=\"t\">status</th><th class=\"t\">detail</th></tr>";
    for (const ComplaintRow& row : data.complaints) {
        const std::string status = row.status.empty() ? std::string("not known") : row.status;
        // The class is only ever one of three fixed names; an unknown status gets none.
        const bool known = status == "received" || status == "in_progress" || status == "resolved";
        html += "<tr><td class=\"t\">" + esc(row.reference) + "</td><td class=\"t\">" + esc(row.kiosk_id) +
                "</td><td class=\"t\">" + esc(row.day) + "</td><td class=\"t\">" + esc(row.category) + "</td><td>" +
                esc(row.amount) + "</td><td class=\"t\">" + esc(row.language) + "</td><td class=\"t\">" +
                (row.offered_after_failure ? "yes" : "no") + "</td><td class=\"t" +
                (known ? " status-" + status : std::string()) + "\">" + esc(status) + "</td><td class=\"w\">" +
                esc(row.detail) + "</td></tr>";
    }
    return html + "</table>";
}

std::string quality_section(const ReportData& data) {
    std::string html = "<h2>Service-quality index per kiosk</h2><p class=\"note\">Per kiosk and UTC day: the kiosk's own "
                       "<code>service_quality</code> record where the CRM has one (source \"record\"; the newest if "
                       "several), else computed here from that kiosk's journeys, surveys and complaints of the day "
                       "with the kiosk's own function (source \"computed\"; no availability: only the kiosk measures it).</p>";
    for (const std::string& kiosk : data.kiosks) {
        LineChart chart;
        chart.title = "Completion rate and availability per day, " + kiosk;
        chart.y_min = 0, chart.y_max = 100, chart.y_ticks = {0, 25, 50, 75, 100};
        Series completion{"completion %", {}}, availability{"availability %", {}};
        for (const KioskDayQuality& row : data.quality) {
            if (row.kiosk_id != kiosk) continue;
            chart.categories.push_back(row.day);
            const auto percent = [](const std::optional<double>& rate) {
                return rate ? std::optional<double>(*rate * 100.0) : std::nullopt;
            };
            completion.values.push_back(percent(row.quality.completion_rate));
            availability.values.push_back(percent(row.quality.availability));
        }
        chart.series = {std::move(completion), std::move(availability)};
        html += chart_box(kiosk + ": completion and availability (%)", render_line_chart(chart));
    }
    html += "<table><tr><th class=\"t\">kiosk</th><th class=\"t\">day</th><th class=\"t\">source</th><th>sessions</th>"
            "<th>completed</th><th>median task</th><th>p95 task</th><th>errors</th><th>timeouts</th>"
            "<th class=\"t\">abandoned at</th><th>CSAT</th><th>response</th><th>NPS</th><th>complaints /1,000</th>"
            "<th>availability</th></tr>";
    for (const KioskDayQuality& row : data.quality) {
        const ServiceQuality& q = row.quality;
        std::string abandoned;
        for (const auto& [screen, count] : q.abandonment) {
            abandoned += (abandoned.empty() ? "" : ", ") + screen + " " + std::to_string(count);
        }
        html += "<tr><td class=\"t\">" + esc(row.kiosk_id) + "</td><td class=\"t\">" + esc(row.day) + "</td><td class=\"t\">" +
                (row.from_record ? "record" : "computed") + "</td><td>" + std::to_string(q.sessions) + "</td><td>" +
                pct(q.completion_rate) + "</td><td>" + secs(q.task_time_median_ms) + "</td><td>" + secs(q.task_time_p95_ms) +
                "</td><td>" + pct(q.error_rate) + "</td><td>" + pct(q.timeout_rate) + "</td><td class=\"w\">" +
                esc(abandoned.empty() ? "–" : abandoned) + "</td><td>" + num(q.csat_mean, 2) + "</td><td>" +
                pct(q.response_rate) + "</td><td>" + signed_num(q.nps) + "</td><td>" + num(q.complaints_per_1000, 1) +
                "</td><td>" + pct(q.availability) + "</td></tr>";
    }
    return html + "</table>";
}

std::string malformed_section(const ReportData& data) {
    std::string html = "<h2>Malformed payloads</h2><p class=\"note\">Records the CRM opened whose payload does not follow "
                       "docs/cx-records.md: " + std::to_string(data.malformed.size()) +
                       ". They are left out of every section above.</p>";
    if (data.malformed.empty()) return html;
    html += "<table><tr><th class=\"t\">record id</th><th class=\"t\">kind</th><th class=\"t\">kiosk</th>"
            "<th class=\"t\">why</th></tr>";
    for (const MalformedRecord& bad : data.malformed) {
        html += "<tr><td class=\"t\">" + esc(bad.record_id) + "</td><td class=\"t\">" + esc(bad.kind) +
                "</td><td class=\"t\">" + esc(bad.kiosk_id) + "</td><td class=\"t bad\">" + esc(bad.reason) + "</td></tr>";
    }
    return html + "</table>";
}

}  // namespace

std::string render_crm_report(const std::vector<OpenedCrmRecord>& records, const ReportOptions& options) {
    const ReportData data = gather_report_data(records, options.complaint_statuses);
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
                       "<title>" + esc(options.title) + "</title><style>" + kStyle + "</style></head><body>\n";
    html += summary(data, options) + "\n";
    html += funnel_section(data) + "\n";
    html += step_time_section(data) + "\n";
    html += satisfaction_section(data) + "\n";
    html += complaints_section(data) + "\n";
    html += quality_section(data) + "\n";
    html += malformed_section(data) + "\n";
    return html + "</body></html>\n";
}

}  // namespace kiosk::sim
