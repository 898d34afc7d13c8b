// The service pages' facts in the technician's language: times as local HH:MM:SS, counts with
// their unit, round trips with their latency, in English and 简体中文; and the Quality page's facts
// read from the store (today so far, the last sealed day), never made up.
#include "kiosk/maintenance/service_facts.hpp"

#include <cstdlib>
#include <ctime>

#include <gtest/gtest.h>

#include "kiosk/cx/service_quality_record.hpp"
#include "kiosk/maintenance/quality_facts.hpp"
#include "store/cx_stats.hpp"
#include "store/kv_store.hpp"
#include "ui/i18n.hpp"

namespace kiosk::maintenance {
namespace {

using ui::Language;

constexpr std::int64_t kMidnight = 1'767'571'200'000;  // 2026-01-05T00:00:00.000Z

// The page's times are the terminal's wall clock: the tests pin it to UTC.
class ServiceFactsTest : public ::testing::Test {
protected:
    void SetUp() override {
        ::setenv("TZ", "UTC", 1);
        ::tzset();
    }
    static std::string en(const ui::FactLine& fact) { return ui::fact_value(fact, Language::English); }
    static std::string zh(const ui::FactLine& fact) { return ui::fact_value(fact, Language::SimplifiedChinese); }
};

TEST_F(ServiceFactsTest, TimesAreLocalHoursMinutesSeconds) {
    EXPECT_EQ(local_time_of_day(from_unix_millis(kMidnight + ((14 * 60 + 2) * 60 + 11) * 1000 + 999)), "14:02:11");
    const ui::FactLine at = time_fact("service.fact.last_success", from_unix_millis(kMidnight + 3'723'000));
    EXPECT_EQ(en(at), "at 01:02:03");
    EXPECT_EQ(zh(at), "于 01:02:03");
    const ui::FactLine never = time_fact("service.fact.last_success", std::nullopt);
    EXPECT_EQ(en(never), "none yet");
    EXPECT_EQ(zh(never), "暂无");
}

TEST_F(ServiceFactsTest, CountsCarryTheirUnitInThePageLanguage) {
    const ui::FactLine pending = count_fact("service.fact.pending", 12, "records");
    EXPECT_EQ(en(pending), "12 records");
    EXPECT_EQ(zh(pending), "12 条记录");
    EXPECT_EQ(zh(count_fact("service.fact.sessions", 3, "sessions")), "3 次服务");
}

TEST_F(ServiceFactsTest, RoundTripsSayReachableWithLatencyOrSinceWhenUnreachable) {
    EXPECT_EQ(en(round_trip_fact("service.fact.host", std::nullopt)), "not tried yet: press Test network");
    RoundTrip answered;
    answered.at = from_unix_millis(kMidnight + ((14 * 60 + 2) * 60 + 11) * 1000);
    answered.took = Millis(23);
    answered.answered = true;
    EXPECT_EQ(en(round_trip_fact("service.fact.host", answered)), "reachable, 23 ms at 14:02:11");
    EXPECT_EQ(zh(round_trip_fact("service.fact.host", answered)), "可达，23 毫秒（14:02:11）");

    RoundTrip failing;
    failing.at = from_unix_millis(kMidnight + ((14 * 60 + 3) * 60) * 1000);
    failing.failing_since = from_unix_millis(kMidnight + ((14 * 60 + 1) * 60 + 50) * 1000);
    failing.error = "curl: connection refused";
    EXPECT_EQ(en(round_trip_fact("service.fact.crm", failing)), "unreachable since 14:01:50: curl: connection refused");
    EXPECT_EQ(zh(round_trip_fact("service.fact.crm", failing)), "自 14:01:50 起不可达：curl: connection refused");
}

TEST_F(ServiceFactsTest, KeyedArgumentsAreTranslatedToo) {
    const ui::FactLine state =
        keyed_fact("service.fact.card_reader", "device.words.state_detail", {"i18n:device.state.hardwareError", "jam"});
    EXPECT_EQ(en(state), "hardware error: jam");
    EXPECT_EQ(zh(state), "硬件故障：jam");
}

TEST_F(ServiceFactsTest, QualityFactsComeFromTheStoreTodayAndTheLastSealedDay) {
    auto database = std::move(store::Database::open_in_memory()).value();
    store::CxStats stats(database);
    const auto add = [&](const std::string& day, const nlohmann::json& summary) {
        ASSERT_TRUE(stats.add({day, "journey", summary.dump()}).ok());
    };
    add("2026-01-04", {{"outcome", "completed"}, {"total_ms", 30'000}});
    add("2026-01-04", {{"outcome", "cancelled"}});
    add("2026-01-05", {{"outcome", "completed"}, {"total_ms", 42'000}});
    ASSERT_TRUE(stats.add_availability({"2026-01-05", 3'000, 1'000}).ok());
    const TimePoint now = from_unix_millis(kMidnight + 3'600'000);

    auto before_sealing = read_quality_facts(database, now);
    ASSERT_TRUE(before_sealing.ok()) << before_sealing.error().to_string();
    const auto value = [](const std::vector<ui::FactLine>& facts, std::string_view label) {
        for (const ui::FactLine& fact : facts) {
            if (fact.label_key == label) return ui::fact_value(fact, Language::English);
        }
        return std::string("(missing)");
    };
    EXPECT_EQ(value(*before_sealing, "service.fact.day"), "2026-01-05 (today so far, UTC)");
    EXPECT_EQ(value(*before_sealing, "service.fact.sessions"), "1 sessions");
    EXPECT_EQ(value(*before_sealing, "service.fact.completion"), "100.0 %");
    EXPECT_EQ(value(*before_sealing, "service.fact.availability"), "75.0 %");
    EXPECT_EQ(value(*before_sealing, "service.fact.task_time"), "median 42.0 s, 95th percentile 42.0 s");
    EXPECT_EQ(value(*before_sealing, "service.fact.csat"), "no data yet") << "no survey: no number";
    EXPECT_EQ(value(*before_sealing, "service.fact.sealed_day"), "none yet");

    ASSERT_TRUE(store::KvStore(database).put(std::string(kServiceQualityLastDayKey), "2026-01-04").ok());
    auto after_sealing = read_quality_facts(database, now);
    ASSERT_TRUE(after_sealing.ok());
    EXPECT_EQ(value(*after_sealing, "service.fact.sealed_day"), "2026-01-04: 2 sessions, completed 50.0%, available -");
}

}  // namespace
}  // namespace kiosk::maintenance
