// render_crm_report: every section is there, the numbers of a small hand-made set are right, no
// text from a payload can become markup, malformed payloads are listed (never a crash), the page
// has no script and no external asset, and the synthetic week renders with only its two planted
// malformed records.
#include "sim/crm/crm_report.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>
#include <regex>

#include "sim/crm/crm_report_data.hpp"
#include "sim/crm/synthetic_crm_records.hpp"

namespace kiosk::sim {
namespace {

using nlohmann::json;

constexpr std::int64_t kDay1 = 1'767'614'400'000;  // 2026-01-05T12:00Z
constexpr std::int64_t kDay2 = kDay1 + 86'400'000;

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

OpenedCrmRecord opened(const std::string& id, const std::string& kind, const std::string& kiosk, std::int64_t at,
                       const json& payload) {
    return OpenedCrmRecord{id, kind, kiosk, 2, at, at + 100, payload.dump()};
}

json journey(const std::string& outcome, std::vector<std::pair<std::string, std::int64_t>> steps,
             const char* abandoned_at = nullptr, std::int64_t total_ms = 0) {
    json list = json::array();
    for (const auto& [screen, dwell] : steps) list.push_back({{"screen", screen}, {"dwell_ms", dwell}});
    return {{"outcome", outcome}, {"steps", list}, {"total_ms", total_ms}, {"error_count", 0}, {"timeout_count", 0},
            {"abandoned_at", abandoned_at == nullptr ? json(nullptr) : json(abandoned_at)}};
}

json survey(int csat, json nps, const std::string& segment, const std::string& language) {
    return {{"status", "answered"}, {"csat", csat}, {"nps", nps}, {"segment", segment}, {"language", language}};
}

// Three journeys on day 1 at KIOSK-A (two complete, one abandoned on enter_pin), one on day 2;
// surveys on both days; one complaint; KIOSK-A's index of day 1 as a record.
std::vector<OpenedCrmRecord> small_set() {
    std::vector<OpenedCrmRecord> records;
    records.push_back(opened("j1", "journey", "KIOSK-A", kDay1,
                             journey("completed", {{"reading_card", 1000}, {"enter_pin", 4000}, {"main_menu", 3000}}, nullptr, 30'000)));
    records.push_back(opened("j2", "journey", "KIOSK-A", kDay1,
                             journey("completed", {{"reading_card", 2000}, {"enter_pin", 6000}, {"main_menu", 5000}}, nullptr, 50'000)));
    records.push_back(opened("j3", "journey", "KIOSK-A", kDay1,
                             journey("cancelled", {{"reading_card", 3000}, {"enter_pin", 9000}}, "enter_pin", 12'000)));
    records.push_back(opened("j4", "journey", "KIOSK-B", kDay2,
                             journey("completed", {{"reading_card", 1500}, {"enter_pin", 5000}, {"main_menu", 4000}}, nullptr, 40'000)));
    records.push_back(opened("s1", "survey", "KIOSK-A", kDay1, survey(5, 10, "senior", "zh-CN")));
    records.push_back(opened("s2", "survey", "KIOSK-A", kDay1, survey(3, 4, "standard", "en")));
    records.push_back(opened("s3", "survey", "KIOSK-B", kDay2, survey(4, 9, "standard", "en")));
    records.push_back(opened("c1", "complaint", "KIOSK-A", kDay1,
                             {{"reference", "KB-20260105-0001"}, {"category", "receipt"}, {"language", "en"},
                              {"amount_minor", 50000}, {"currency", "CNY"}, {"detail", "no receipt"}}));
    json index = {{"day", "2026-01-05"}, {"sessions", 140}, {"tasks_completed", 121}, {"completion_rate", 0.864},
                  {"task_time_median_ms", 38000}, {"task_time_p95_ms", 96000}, {"error_rate", 0.05},
                  {"timeout_rate", 0.03}, {"abandonment", {{"enter_pin", 4}}}, {"csat_mean", 4.3},
                  {"csat_responses", 40}, {"surveys_shown", 55}, {"response_rate", 0.727}, {"nps", 31.0},
                  {"nps_responses", 12}, {"complaints", 2}, {"complaints_per_1000", 14.3}, {"availability", 0.993}};
    records.push_back(opened("q1", "service_quality", "KIOSK-A", kDay2, index));
    return records;
}

TEST(CrmReport, EverySectionIsThere) {
    const std::string html = render_crm_report(small_set(), {});
    for (const char* heading : {"Funnel and drop-off per step", "Time per step", "CSAT and NPS", "By segment and by language",
                                "Complaints", "Service-quality index per kiosk", "Malformed payloads"}) {
        EXPECT_TRUE(contains(html, heading)) << heading;
    }
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0U);
    EXPECT_TRUE(contains(html, "</html>"));
    EXPECT_GE(std::count(html.begin(), html.end(), '\n'), 5);
}

TEST(CrmReport, TheNumbersOfASmallSetAreRight) {
    const ReportData data = gather_report_data(small_set(), {{"KB-20260105-0001", "in_progress"}});
    EXPECT_EQ(data.journeys, 4);
    ASSERT_GE(data.funnel.size(), 3U);
    EXPECT_EQ(data.funnel[0].screen, "reading_card");  // 4 reached, before enter_pin (4) in journey order
    EXPECT_EQ(data.funnel[1].screen, "enter_pin");
    EXPECT_EQ(data.funnel[1].reached, 4);
    EXPECT_EQ(data.funnel[1].abandoned, 1);
    EXPECT_EQ(data.funnel[2].screen, "main_menu");
    EXPECT_EQ(data.funnel[2].reached, 3);
    // enter_pin dwell 4, 6, 9, 5 s → median (5 + 6) / 2 = 5.5 s, p95 = 4th of 4 = 9 s.
    EXPECT_EQ(data.step_times[1].screen, "enter_pin");
    EXPECT_EQ(data.step_times[1].median_ms, 5'500);
    EXPECT_EQ(data.step_times[1].p95_ms, 9'000);
    // Day 1: CSAT (5 + 3) / 2 = 4.0, NPS one promoter and one detractor of 2 → 0; day 2: 4.0, +100.
    ASSERT_EQ(data.by_day.size(), 2U);
    EXPECT_DOUBLE_EQ(*data.by_day[0].csat_mean, 4.0);
    EXPECT_DOUBLE_EQ(*data.by_day[0].nps, 0.0);
    EXPECT_DOUBLE_EQ(*data.by_day[1].nps, 100.0);
    ASSERT_EQ(data.by_segment.size(), 2U);
    EXPECT_EQ(data.by_segment[1].group, "standard");
    EXPECT_DOUBLE_EQ(*data.by_segment[1].csat_mean, 3.5);
    EXPECT_DOUBLE_EQ(*data.by_segment[1].nps, 0.0);  // 4 detracts, 9 promotes
    ASSERT_EQ(data.by_language.size(), 2U);
    EXPECT_EQ(data.by_language[1].group, "zh-CN");
    ASSERT_EQ(data.complaints.size(), 1U);
    EXPECT_EQ(data.complaints[0].status, "in_progress");
    EXPECT_EQ(data.complaints[0].amount, "500.00 CNY");
    // KIOSK-A day 1 from its record (140 sessions), KIOSK-B day 2 computed from its one journey.
    ASSERT_EQ(data.quality.size(), 2U);
    EXPECT_TRUE(data.quality[0].from_record);
    EXPECT_EQ(data.quality[0].quality.sessions, 140);
    EXPECT_FALSE(data.quality[1].from_record);
    EXPECT_EQ(data.quality[1].kiosk_id, "KIOSK-B");
    EXPECT_EQ(data.quality[1].quality.sessions, 1);
    EXPECT_EQ(*data.quality[1].quality.task_time_median_ms, 40'000);
    EXPECT_DOUBLE_EQ(*data.quality[1].quality.csat_mean, 4.0);

    ReportOptions options;
    options.complaint_statuses = {{"KB-20260105-0001", "in_progress"}};
    const std::string html = render_crm_report(small_set(), options);
    EXPECT_TRUE(contains(html, "<td>5.5 s</td><td>9.0 s</td>")) << "enter_pin's times in the table";
    EXPECT_TRUE(contains(html, "status-in_progress\">in_progress"));
    EXPECT_TRUE(contains(html, ">record<"));
    EXPECT_TRUE(contains(html, ">computed<"));
    EXPECT_TRUE(contains(html, "<td>+31.0</td>"));  // the record's NPS as sent
}

TEST(CrmReport, NoTextFromAPayloadBecomesMarkup) {
    const std::string attack = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";
    std::vector<OpenedCrmRecord> records;
    records.push_back(opened("j1", "journey", attack, kDay1, journey("completed", {{attack, 1000}}, attack.c_str())));
    records.push_back(opened("s1", "survey", "K", kDay1, survey(4, 8, attack, attack)));
    records.push_back(opened("c1", "complaint", "K", kDay1,
                             {{"reference", attack}, {"category", attack}, {"detail", attack}, {"language", attack},
                              {"currency", attack}, {"amount_minor", 1}}));
    records.push_back(opened(attack, attack, attack, kDay1, json::parse("[1]")));  // malformed: listed by id and kind
    ReportOptions options;
    options.title = attack;
    options.complaint_statuses = {{attack, attack}};
    const std::string html = render_crm_report(records, options);
    EXPECT_FALSE(contains(html, "<script")) << "a script tag got through";
    EXPECT_FALSE(contains(html, "<img"));
    EXPECT_FALSE(std::regex_search(html, std::regex("<[^>]*\\son[a-z]+=")));  // no tag gained a handler
    EXPECT_TRUE(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    EXPECT_TRUE(contains(html, "&quot;&#39;&amp;"));
    // No attribute value ends early: every quote in the page is one the report wrote.
    EXPECT_FALSE(contains(html, "class=\"t status-"));  // an unknown status gets no class
}

TEST(CrmReport, MalformedPayloadsAreCountedListedAndLeftOut) {
    std::vector<OpenedCrmRecord> records = small_set();
    records.push_back(OpenedCrmRecord{"bad-1", "journey", "KIOSK-A", 2, kDay1, kDay1, "{\"outcome\": \"completed\", "});
    records.push_back(opened("bad-2", "survey", "KIOSK-A", kDay1, {{"status", "answered"}, {"csat", "five"}}));
    records.push_back(opened("bad-3", "survey", "KIOSK-A", kDay1, {{"status", "answered"}, {"csat", 9}}));
    records.push_back(opened("bad-4", "journey", "KIOSK-A", kDay1, {{"outcome", "completed"}, {"steps", {{{"screen", 7}}}}}));
    records.push_back(opened("bad-5", "service_quality", "KIOSK-A", kDay1, {{"day", "2026-01-05"}}));
    records.push_back(opened("bad-6", "complaint", "KIOSK-A", kDay1, {{"category", "receipt"}}));
    records.push_back(OpenedCrmRecord{"bad-7", "survey", "KIOSK-A", 2, kDay1, kDay1, ""});
    const ReportData data = gather_report_data(records, {});
    ASSERT_EQ(data.malformed.size(), 7U);
    EXPECT_EQ(data.malformed[0].reason, "the payload is not JSON");
    EXPECT_EQ(data.malformed[1].reason, "csat is not an integer");
    EXPECT_EQ(data.malformed[2].reason, "csat is out of range");
    EXPECT_EQ(data.malformed[3].reason, "a step: screen is not text");
    EXPECT_EQ(data.malformed[5].reason, "no reference");
    EXPECT_EQ(data.journeys, 4);  // the same as without them
    EXPECT_EQ(data.complaints.size(), 1U);
    EXPECT_DOUBLE_EQ(*data.by_day[0].csat_mean, 4.0);
    const std::string html = render_crm_report(records, {});
    for (const char* id : {"bad-1", "bad-2", "bad-3", "bad-4", "bad-5", "bad-6", "bad-7"}) EXPECT_TRUE(contains(html, id)) << id;
    EXPECT_TRUE(contains(html, "follow docs/cx-records.md: 7."));
}

TEST(CrmReport, AnEmptySetIsAPageThatSaysSo) {
    const std::string html = render_crm_report({}, {});
    EXPECT_TRUE(contains(html, "no records"));
    EXPECT_TRUE(contains(html, "no data"));
    EXPECT_TRUE(contains(html, "Malformed payloads"));
}

TEST(CrmReport, ThePageIsSelfContainedWithoutScript) {
    const SyntheticCrmSet set = make_synthetic_crm_records(3, kDay1 - 43'200'000);
    ReportOptions options;
    options.complaint_statuses = set.complaint_statuses;
    const std::string html = render_crm_report(set.records, options);
    EXPECT_GT(set.records.size(), 300U);
    EXPECT_FALSE(contains(html, "<script"));
    EXPECT_FALSE(contains(html, "javascript:"));
    EXPECT_FALSE(std::regex_search(html, std::regex("(src|href)=\"")));  // nothing fetched
    EXPECT_FALSE(contains(html, "@import"));
    EXPECT_FALSE(std::regex_search(html, std::regex(" on[a-z]+=")));       // no event handlers
    std::size_t charts = 0;
    for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) ++charts;
    EXPECT_EQ(charts, 8U);  // funnel, step time, CSAT/day, NPS/day, segment, language, two kiosks
    const ReportData data = gather_report_data(set.records, set.complaint_statuses);
    EXPECT_EQ(data.malformed.size(), 2U);  // the two the generator plants
    EXPECT_EQ(data.kiosks.size(), 2U);
    EXPECT_EQ(data.by_language.size(), 2U);
    EXPECT_EQ(data.by_segment.size(), 4U);
    EXPECT_FALSE(data.complaints.empty());
}

TEST(CrmReport, TheSyntheticSetIsTheSameForASeed) {
    const auto first = make_synthetic_crm_records(7, kDay1);
    const auto second = make_synthetic_crm_records(7, kDay1);
    ASSERT_EQ(first.records.size(), second.records.size());
    EXPECT_EQ(first.records.back().payload_json, second.records.back().payload_json);
    EXPECT_EQ(first.records[10].payload_json, second.records[10].payload_json);
}

}  // namespace
}  // namespace kiosk::sim
