// compute_service_quality: every measure of the index against numbers worked out by hand, the
// empty day, a single session, percentiles with few samples, and rows that are left out (another
// day, another kind, malformed). Then the JSON both ways.
#include "kiosk/cx/service_quality.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kiosk {
namespace {

using nlohmann::json;

constexpr const char* kDay = "2026-01-05";

store::CxStat journey(const std::string& outcome, std::int64_t total_ms, int errors = 0, int timeouts = 0,
                      const char* abandoned_at = nullptr) {
    json payload{{"task", "withdrawal"},  {"outcome", outcome},      {"total_ms", total_ms},
                 {"error_count", errors}, {"timeout_count", timeouts}, {"abandoned_at", nullptr}};
    if (abandoned_at != nullptr) payload["abandoned_at"] = abandoned_at;
    return {kDay, "journey", payload.dump()};
}

store::CxStat survey(const std::string& status, json csat, json nps) {
    return {kDay, "survey", json{{"status", status}, {"csat", csat}, {"nps", nps}, {"reasons", json::array()}}.dump()};
}

store::CxStat complaint() { return {kDay, "complaint", json{{"category", "receipt"}}.dump()}; }

TEST(ServiceQuality, AnEmptyDayHasCountsOfZeroAndNoRates) {
    const ServiceQuality quality = compute_service_quality(kDay, {}, std::nullopt);
    EXPECT_EQ(quality.day, kDay);
    EXPECT_EQ(quality.sessions, 0);
    EXPECT_EQ(quality.tasks_completed, 0);
    EXPECT_FALSE(quality.completion_rate.has_value());
    EXPECT_FALSE(quality.task_time_median_ms.has_value());
    EXPECT_FALSE(quality.task_time_p95_ms.has_value());
    EXPECT_FALSE(quality.error_rate.has_value());
    EXPECT_FALSE(quality.timeout_rate.has_value());
    EXPECT_TRUE(quality.abandonment.empty());
    EXPECT_FALSE(quality.csat_mean.has_value());
    EXPECT_FALSE(quality.response_rate.has_value());
    EXPECT_FALSE(quality.nps.has_value());
    EXPECT_FALSE(quality.complaints_per_1000.has_value());
    EXPECT_FALSE(quality.availability.has_value());
    const json payload = to_json(quality);
    EXPECT_TRUE(payload["nps"].is_null());
    EXPECT_TRUE(payload["completion_rate"].is_null());
    EXPECT_EQ(payload["sessions"], 0);
    EXPECT_TRUE(payload["abandonment"].is_object());
}

TEST(ServiceQuality, OneCompletedSessionIsItsOwnMedianAndP95) {
    const ServiceQuality quality = compute_service_quality(kDay, {journey("completed", 41'250)}, std::nullopt);
    EXPECT_EQ(quality.sessions, 1);
    EXPECT_EQ(quality.tasks_completed, 1);
    EXPECT_DOUBLE_EQ(*quality.completion_rate, 1.0);
    EXPECT_EQ(*quality.task_time_median_ms, 41'250);
    EXPECT_EQ(*quality.task_time_p95_ms, 41'250);
    EXPECT_DOUBLE_EQ(*quality.error_rate, 0.0);
    EXPECT_DOUBLE_EQ(*quality.complaints_per_1000, 0.0);
}

// Ten sessions, worked out by hand:
//   completed: 7 (times 30, 10, 50, 20, 40, 70, 60 s) → rate 0.7; sorted 10…70 s: median 40 s
//   (4th of 7), p95 = ⌈0.95·7⌉ = 7th = 70 s
//   cancelled at enter_pin ×2, timed out at main_menu ×1 (their times are not task times)
//   sessions with errors: 3 (one has 2 errors: still one session) → 0.3; with timeouts: 2 → 0.2
//   surveys: 5 shown, 4 answered (csat 5, 4, 2, 5 → mean 4.0), 1 skipped → response rate 0.8
//   NPS answers 10, 9, 7, 3 → (2 promoters − 1 detractor) / 4 = +25.0
//   2 complaints / 10 sessions → 200 per 1,000; availability 9 h of 10 h → 0.9
std::vector<store::CxStat> a_day() {
    return {journey("completed", 30'000, 1),
            journey("completed", 10'000),
            journey("completed", 50'000),
            journey("completed", 20'000, 2),
            journey("completed", 40'000, 0, 1),
            journey("completed", 70'000),
            journey("completed", 60'000),
            journey("cancelled", 5'000, 0, 0, "enter_pin"),
            journey("cancelled", 9'000, 1, 0, "enter_pin"),
            journey("timed_out", 120'000, 0, 1, "main_menu"),
            survey("answered", 5, 10),
            survey("answered", 4, 9),
            survey("answered", 2, 3),
            survey("answered", 5, 7),
            survey("skipped", nullptr, nullptr),
            complaint(),
            complaint()};
}

TEST(ServiceQuality, ADayOfSessionsSurveysAndComplaints) {
    const ServiceQuality quality =
        compute_service_quality(kDay, a_day(), store::DayAvailability{9 * 3'600'000, 1 * 3'600'000});
    EXPECT_EQ(quality.sessions, 10);
    EXPECT_EQ(quality.tasks_completed, 7);
    EXPECT_DOUBLE_EQ(*quality.completion_rate, 0.7);
    EXPECT_EQ(*quality.task_time_median_ms, 40'000);
    EXPECT_EQ(*quality.task_time_p95_ms, 70'000);
    EXPECT_DOUBLE_EQ(*quality.error_rate, 0.3);
    EXPECT_DOUBLE_EQ(*quality.timeout_rate, 0.2);
    EXPECT_EQ(quality.abandonment, (std::map<std::string, std::int64_t>{{"enter_pin", 2}, {"main_menu", 1}}));
    EXPECT_DOUBLE_EQ(*quality.csat_mean, 4.0);
    EXPECT_EQ(quality.csat_responses, 4);
    EXPECT_EQ(quality.surveys_shown, 5);
    EXPECT_DOUBLE_EQ(*quality.response_rate, 0.8);
    EXPECT_DOUBLE_EQ(*quality.nps, 25.0);
    EXPECT_EQ(quality.nps_responses, 4);
    EXPECT_EQ(quality.complaints, 2);
    EXPECT_DOUBLE_EQ(*quality.complaints_per_1000, 200.0);
    EXPECT_DOUBLE_EQ(*quality.availability, 0.9);
    EXPECT_EQ(quality.malformed_rows, 0);
}

TEST(ServiceQuality, TheMedianOfAnEvenCountIsTheMeanOfTheMiddleTwoRoundedDown) {
    EXPECT_EQ(*median_of({4, 1, 3, 2}), 2);  // (2 + 3) / 2 = 2.5 → 2
    EXPECT_EQ(*median_of({10, 20}), 15);
    EXPECT_EQ(*median_of({7}), 7);
    EXPECT_FALSE(median_of({}).has_value());
}

TEST(ServiceQuality, P95ByNearestRankWithFewSamples) {
    EXPECT_EQ(*nearest_rank_percentile({5}, 95), 5);
    EXPECT_EQ(*nearest_rank_percentile({1, 2}, 95), 2);           // ⌈1.9⌉ = 2nd
    EXPECT_EQ(*nearest_rank_percentile({3, 1, 2}, 95), 3);        // ⌈2.85⌉ = 3rd
    std::vector<std::int64_t> twenty;
    for (int i = 1; i <= 20; ++i) twenty.push_back(i * 100);
    EXPECT_EQ(*nearest_rank_percentile(twenty, 95), 1'900);       // ⌈19⌉ = 19th, not the largest
    twenty.push_back(2'100);
    EXPECT_EQ(*nearest_rank_percentile(twenty, 95), 2'000);       // ⌈19.95⌉ = 20th of 21
    EXPECT_EQ(*nearest_rank_percentile({1, 2, 3, 4}, 50), 2);     // ⌈2⌉ = 2nd
    EXPECT_FALSE(nearest_rank_percentile({}, 95).has_value());
}

TEST(ServiceQuality, NpsCountsPromotersAndDetractorsNotPassives) {
    // 9 and 10 promote, 7 and 8 are passive, 0–6 detract: 1 promoter, 2 passives, 1 detractor → 0.
    auto quality = compute_service_quality(
        kDay, {survey("answered", 4, 9), survey("answered", 4, 8), survey("answered", 4, 7), survey("answered", 3, 6)},
        std::nullopt);
    EXPECT_DOUBLE_EQ(*quality.nps, 0.0);
    quality = compute_service_quality(kDay, {survey("answered", 1, 0), survey("answered", 1, 2)}, std::nullopt);
    EXPECT_DOUBLE_EQ(*quality.nps, -100.0);
    // Surveys without an NPS answer: no NPS at all (null), not 0.
    quality = compute_service_quality(kDay, {survey("answered", 5, nullptr), survey("timed_out", nullptr, nullptr)},
                                      std::nullopt);
    EXPECT_FALSE(quality.nps.has_value());
    EXPECT_EQ(quality.nps_responses, 0);
    EXPECT_DOUBLE_EQ(*quality.response_rate, 0.5);
    EXPECT_DOUBLE_EQ(*quality.csat_mean, 5.0);
}

TEST(ServiceQuality, SurveysWithoutSessionsHaveNoSessionRates) {
    const auto quality = compute_service_quality(kDay, {survey("answered", 3, nullptr), complaint()}, std::nullopt);
    EXPECT_EQ(quality.sessions, 0);
    EXPECT_FALSE(quality.complaints_per_1000.has_value());
    EXPECT_EQ(quality.complaints, 1);
    EXPECT_DOUBLE_EQ(*quality.csat_mean, 3.0);
}

TEST(ServiceQuality, RowsOfAnotherDayOrKindAreLeftOutAndMalformedOnesCounted) {
    std::vector<store::CxStat> rows{journey("completed", 10'000)};
    rows.push_back({"2026-01-04", "journey", json{{"outcome", "completed"}, {"total_ms", 99}}.dump()});
    rows.push_back({kDay, "transaction", json{{"type", "withdrawal"}}.dump()});
    rows.push_back({kDay, "journey", "not json"});
    rows.push_back({kDay, "journey", "[1, 2]"});
    rows.push_back({kDay, "journey", json{{"outcome", 3}}.dump()});
    rows.push_back({kDay, "journey", json{{"outcome", "completed"}, {"total_ms", "long"}}.dump()});
    rows.push_back(survey("answered", 7, nullptr));    // CSAT out of 1–5
    rows.push_back(survey("answered", 4, 11));         // NPS out of 0–10
    rows.push_back(survey("maybe", 4, nullptr));       // unknown status
    const auto quality = compute_service_quality(kDay, rows, std::nullopt);
    EXPECT_EQ(quality.sessions, 1);
    EXPECT_EQ(*quality.task_time_median_ms, 10'000);
    EXPECT_EQ(quality.surveys_shown, 0);
    EXPECT_EQ(quality.malformed_rows, 7);
}

TEST(ServiceQuality, AvailabilityWithoutMeasuredTimeIsUnknown) {
    EXPECT_FALSE(compute_service_quality(kDay, {}, store::DayAvailability{0, 0}).availability.has_value());
    EXPECT_DOUBLE_EQ(*compute_service_quality(kDay, {}, store::DayAvailability{0, 5}).availability, 0.0);
    EXPECT_DOUBLE_EQ(*compute_service_quality(kDay, {}, store::DayAvailability{3, 1}).availability, 0.75);
}

TEST(ServiceQuality, TheJsonFollowsTheContractAndReadsBack) {
    const ServiceQuality quality =
        compute_service_quality(kDay, a_day(), store::DayAvailability{2, 1});  // availability 0.666…
    const json payload = to_json(quality);
    for (const char* field : {"day", "sessions", "tasks_completed", "completion_rate", "task_time_median_ms",
                              "task_time_p95_ms", "error_rate", "timeout_rate", "abandonment", "csat_mean",
                              "csat_responses", "surveys_shown", "response_rate", "nps", "nps_responses", "complaints",
                              "complaints_per_1000", "availability"}) {
        EXPECT_TRUE(payload.contains(field)) << field;
    }
    EXPECT_EQ(payload.size(), 18U);
    EXPECT_DOUBLE_EQ(payload["availability"].get<double>(), 0.6667);  // 4 decimals
    EXPECT_EQ(payload["abandonment"]["enter_pin"], 2);
    auto back = service_quality_from_json(payload);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back->sessions, 10);
    EXPECT_DOUBLE_EQ(*back->nps, 25.0);
    EXPECT_EQ(back->abandonment.at("main_menu"), 1);
    EXPECT_EQ(*back->task_time_p95_ms, 70'000);
}

TEST(ServiceQuality, AMalformedPayloadIsRefusedNamingTheField) {
    json payload = to_json(compute_service_quality(kDay, a_day(), std::nullopt));
    payload["sessions"] = "ten";
    auto refused = service_quality_from_json(payload);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("sessions"), std::string::npos);
    payload = to_json(compute_service_quality(kDay, a_day(), std::nullopt));
    payload.erase("nps");
    EXPECT_FALSE(service_quality_from_json(payload).ok());
    EXPECT_FALSE(service_quality_from_json(json::array()).ok());
    payload = to_json(compute_service_quality(kDay, a_day(), std::nullopt));
    payload["abandonment"]["enter_pin"] = -1;
    EXPECT_FALSE(service_quality_from_json(payload).ok());
}

}  // namespace
}  // namespace kiosk
