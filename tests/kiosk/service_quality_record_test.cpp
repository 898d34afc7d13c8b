// The daily service_quality record: due at the first session end of a day for the day before,
// once (the kv day travels in the same business step), not for a day the kiosk did not run, and
// computed from the kiosk's own statistics.
#include "kiosk/cx/service_quality_record.hpp"

#include <gtest/gtest.h>

#include "kiosk/cx/cx_day.hpp"
#include "store/kv_store.hpp"
#include "store/outbox.hpp"

namespace kiosk {
namespace {

using nlohmann::json;

constexpr std::int64_t kMidnight = 1'767'571'200'000;  // 2026-01-05T00:00:00.000Z

// Seals nothing: the payload travels as the "ciphertext" so the test can read it.
struct FakeSeal {
    int calls = 0;
    Result<security::SealedRecord> operator()(std::string_view kind, const std::string& payload) {
        ++calls;
        security::SealedRecord record;
        record.header = security::RecordHeader{"sq-" + std::to_string(calls), std::string(kind), "SIM-0001", "dk", 2, 0};
        record.iv = Bytes(12, 0);
        record.ciphertext = Bytes(payload.begin(), payload.end());
        record.tag = Bytes(16, 0);
        return record;
    }
};

json payload_of(const security::SealedRecord& record) {
    return json::parse(std::string(record.ciphertext.begin(), record.ciphertext.end()));
}

class ServiceQualityRecordTest : public ::testing::Test {
protected:
    ServiceQualityRecordTest() : database_(std::move(store::Database::open_in_memory()).value()) {}

    void add_stat(const std::string& day, const std::string& kind, const json& summary) {
        ASSERT_TRUE(store::CxStats(database_).add({day, kind, summary.dump()}).ok());
    }
    SealCxRecord seal() {
        return [this](std::string_view kind, const std::string& payload) { return fake_(kind, payload); };
    }

    store::Database database_;
    FakeSeal fake_;
};

TEST_F(ServiceQualityRecordTest, TheFirstSessionEndOfADayCarriesTheDayBefore) {
    add_stat("2026-01-04", "journey", {{"outcome", "completed"}, {"total_ms", 30'000}});
    add_stat("2026-01-04", "journey", {{"outcome", "cancelled"}, {"abandoned_at", "enter_pin"}});
    add_stat("2026-01-05", "journey", {{"outcome", "completed"}, {"total_ms", 99'000}});  // today: not in it
    ASSERT_TRUE(store::CxStats(database_).add_availability({"2026-01-04", 3'000, 1'000}).ok());

    store::BusinessStep step;
    auto id = add_daily_service_quality_if_due(step, database_, from_unix_millis(kMidnight + 60'000), seal());
    ASSERT_TRUE(id.ok()) << id.error().message;
    EXPECT_EQ(*id, "sq-1");
    ASSERT_EQ(step.outbox.size(), 1U);
    EXPECT_EQ(step.outbox[0].header.kind, "service_quality");
    const json payload = payload_of(step.outbox[0]);
    EXPECT_EQ(payload["day"], "2026-01-04");
    EXPECT_EQ(payload["sessions"], 2);
    EXPECT_EQ(payload["completion_rate"], 0.5);
    EXPECT_EQ(payload["task_time_median_ms"], 30'000);
    EXPECT_EQ(payload["abandonment"]["enter_pin"], 1);
    EXPECT_EQ(payload["availability"], 0.75);
    ASSERT_EQ(step.kv.size(), 1U);
    EXPECT_EQ(step.kv[0].key, kServiceQualityLastDayKey);
    EXPECT_EQ(step.kv[0].value, "2026-01-04");
}

TEST_F(ServiceQualityRecordTest, OnceCommittedTheDayIsNotSentAgain) {
    add_stat("2026-01-04", "journey", {{"outcome", "completed"}});
    store::BusinessStep step;
    ASSERT_FALSE(add_daily_service_quality_if_due(step, database_, from_unix_millis(kMidnight + 1), seal())->empty());
    ASSERT_TRUE(store::commit(database_, step).ok());
    store::BusinessStep later;
    auto again = add_daily_service_quality_if_due(later, database_, from_unix_millis(kMidnight + 3'600'000), seal());
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->empty());
    EXPECT_TRUE(later.outbox.empty());
    EXPECT_TRUE(later.kv.empty());
    EXPECT_EQ(fake_.calls, 1);
}

TEST_F(ServiceQualityRecordTest, AStepThatWasNotCommittedLeavesTheDayDue) {
    add_stat("2026-01-04", "journey", {{"outcome", "completed"}});
    store::BusinessStep lost;  // e.g. the journey's commit failed: nothing of it is stored
    ASSERT_FALSE(add_daily_service_quality_if_due(lost, database_, from_unix_millis(kMidnight + 1), seal())->empty());
    store::BusinessStep next;
    EXPECT_FALSE(add_daily_service_quality_if_due(next, database_, from_unix_millis(kMidnight + 2), seal())->empty());
}

TEST_F(ServiceQualityRecordTest, NothingIsDueForADayTheKioskDidNotRun) {
    store::BusinessStep step;
    auto id = add_daily_service_quality_if_due(step, database_, from_unix_millis(kMidnight + 1), seal());
    ASSERT_TRUE(id.ok());
    EXPECT_TRUE(id->empty());
    EXPECT_TRUE(step.outbox.empty());
    EXPECT_EQ(fake_.calls, 0);
}

TEST_F(ServiceQualityRecordTest, AvailabilityAloneMakesADayWorthARecord) {
    ASSERT_TRUE(store::CxStats(database_).add_availability({"2026-01-04", 0, 86'400'000}).ok());
    store::BusinessStep step;
    ASSERT_FALSE(add_daily_service_quality_if_due(step, database_, from_unix_millis(kMidnight + 1), seal())->empty());
    const json payload = payload_of(step.outbox[0]);
    EXPECT_EQ(payload["sessions"], 0);
    EXPECT_EQ(payload["availability"], 0.0);
}

TEST_F(ServiceQualityRecordTest, AClockThatWentBackSendsNoOlderDay) {
    add_stat("2026-01-04", "journey", {{"outcome", "completed"}});
    ASSERT_TRUE(store::KvStore(database_).put(std::string(kServiceQualityLastDayKey), "2026-01-09").ok());
    store::BusinessStep step;
    EXPECT_TRUE(add_daily_service_quality_if_due(step, database_, from_unix_millis(kMidnight + 1), seal())->empty());
}

TEST_F(ServiceQualityRecordTest, OnDemandAnyDayAndWithoutTheKvDay) {
    add_stat("2026-01-02", "complaint", {{"category", "receipt"}});
    store::BusinessStep step;
    auto id = add_service_quality_record(step, database_, "2026-01-02", seal());
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(payload_of(step.outbox[0])["complaints"], 1);
    EXPECT_TRUE(step.kv.empty());
}

TEST_F(ServiceQualityRecordTest, ASealThatFailsAddsNothing) {
    add_stat("2026-01-04", "journey", {{"outcome", "completed"}});
    store::BusinessStep step;
    const SealCxRecord refusing = [](std::string_view, const std::string&) -> Result<security::SealedRecord> {
        return make_error("seal", "no key");
    };
    EXPECT_FALSE(add_daily_service_quality_if_due(step, database_, from_unix_millis(kMidnight + 1), refusing).ok());
    EXPECT_TRUE(step.outbox.empty());
    EXPECT_TRUE(step.kv.empty());
}

}  // namespace
}  // namespace kiosk
