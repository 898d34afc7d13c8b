// The CX recorder: each business step commits its sealed record, journal line and counters
// together, and what it seals carries the token and masked PAN, never the PAN.
#include "kiosk/cx/cx_recorder.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "sim/virtual_clock.hpp"
#include "kiosk/cx/service_quality_record.hpp"
#include "store/counters.hpp"
#include "store/cx_stats.hpp"
#include "store/kv_store.hpp"
#include "store/journal.hpp"
#include "store/outbox.hpp"

namespace kiosk {
namespace {

constexpr const char* pan = "4012888888881881";

security::JournalChain journal_chain() { return std::move(security::JournalChain::create(Bytes(32, 0x4A)).value()); }

class CxRecorderTest : public ::testing::Test {
protected:
    CxRecorderTest()
        : database_(std::move(store::Database::open_in_memory()).value()),
          sealer_(security::DataKey{"dk-test", security::SecureBytes(Bytes(32, 0x42))}),
          recorder_(database_, sealer_, journal_chain(), random_, clock_, "SIM-0001") {
        session_.number = 1;
        session_.pan = security::SecureString(std::string_view(pan));
        session_.masked_pan = "401288******1881";
        session_.pan_token = "token-abc";
    }

    nlohmann::json open_only_record() {
        auto batch = store::Outbox(database_, clock_).next_batch(10);
        EXPECT_TRUE(batch.ok());
        EXPECT_EQ(batch->size(), 1U);
        auto plain = sealer_.open(batch->front());
        EXPECT_TRUE(plain.ok());
        return nlohmann::json::parse(std::string(reinterpret_cast<const char*>(plain->data()), plain->size()));
    }

    store::Database database_;
    sim::VirtualClock clock_;
    SeededRandom random_{1};
    security::RecordSealer sealer_;
    CxRecorder recorder_;
    Session session_;
};

TEST_F(CxRecorderTest, TransactionIsOneStepOfRecordJournalAndCounter) {
    ASSERT_TRUE(recorder_.record_transaction(session_, {host::TransactionType::BalanceInquiry,
                                                        host::ResponseCode::Approved, 12, Money{1, "CNY", 2}})
                    .ok());
    const nlohmann::json payload = open_only_record();
    EXPECT_EQ(payload["type"], "balance_inquiry");
    EXPECT_EQ(payload["iso_response_code"], "00");
    EXPECT_EQ(payload["pan_token"], "token-abc");
    EXPECT_EQ(payload["masked_pan"], "401288******1881");
    EXPECT_TRUE(payload.dump().find(pan) == std::string::npos);

    auto lines = store::Journal(database_).read_all();
    ASSERT_TRUE(lines.ok());
    ASSERT_EQ(lines->size(), 1U);
    EXPECT_EQ(lines->front().line.outcome, "approved");
    EXPECT_TRUE(lines->front().line.resource.find(pan) == std::string::npos);
    EXPECT_EQ(*store::Counters(database_).get("tx.balance_inquiry.approved"), 1);
    EXPECT_EQ(recorder_.committed_record_ids().size(), 1U);
}

TEST_F(CxRecorderTest, JourneyListsEveryScreenWithDurations) {
    const TimePoint start = clock_.now();
    session_.journey = {{ui::ScreenId::ReadingCard, start, start + Millis(800)},
                        {ui::ScreenId::EnterPin, start + Millis(800), start + Millis(4'000)}};
    ASSERT_TRUE(
        recorder_.record_journey(session_, ui::Language::SimplifiedChinese, flow::SessionOutcome::Completed).ok());
    const nlohmann::json payload = open_only_record();
    EXPECT_EQ(payload["language"], "zh-CN");
    EXPECT_EQ(payload["outcome"], "completed");
    ASSERT_EQ(payload["steps"].size(), 2U);
    EXPECT_EQ(payload["steps"][1]["screen"], "enter_pin");
    EXPECT_EQ(payload["steps"][1]["duration_ms"], 3'200);
    EXPECT_EQ(*store::Counters(database_).get("sessions.completed"), 1);
}

TEST_F(CxRecorderTest, RecordIdsAreVersion4Uuids) {
    SeededRandom random(5);
    const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    const std::string first = make_uuid_v4(random);
    EXPECT_TRUE(std::regex_match(first, uuid)) << first;
    EXPECT_NE(first, make_uuid_v4(random));
}

TEST_F(CxRecorderTest, AFailedStepLeavesNothingBehind) {
    // A retired-for-sealing key makes the seal fail before anything is written.
    security::RecordSealer exhausted(security::DataKey{"dk-x", security::SecureBytes(Bytes(32, 1))}, 0);
    CxRecorder recorder(database_, exhausted, journal_chain(), random_, clock_, "SIM-0001");
    EXPECT_FALSE(recorder.record_transaction(session_, {host::TransactionType::BalanceInquiry,
                                                        host::ResponseCode::Approved, 1, {}})
                     .ok());
    EXPECT_EQ(*store::Outbox(database_, clock_).pending_count(), 0U);
    EXPECT_EQ(store::Journal(database_).read_all()->size(), 0U);
    EXPECT_TRUE(recorder.committed_record_ids().empty());
}

// The kiosk's own statistics: each journey and transaction leaves a summary without card data,
// and the first journey after midnight commits the previous day's index with itself, once.
TEST_F(CxRecorderTest, JourneysAndTransactionsLeaveStatisticsWithoutCardData) {
    clock_.set(from_unix_millis(1'767'614'400'000));  // 2026-01-05T12:00Z
    ASSERT_TRUE(recorder_.record_transaction(session_, {host::TransactionType::Withdrawal,
                                                        host::ResponseCode::Approved, 7, {}})
                    .ok());
    ASSERT_TRUE(recorder_.record_journey(session_, ui::Language::English, flow::SessionOutcome::Completed).ok());
    auto rows = store::CxStats(database_).of_day("2026-01-05");
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 2U);
    EXPECT_EQ((*rows)[0].kind, "transaction");
    EXPECT_EQ((*rows)[1].kind, "journey");
    for (const store::CxStat& row : *rows) {
        EXPECT_EQ(row.summary_json.find("token-abc"), std::string::npos) << row.summary_json;
        EXPECT_EQ(row.summary_json.find("1881"), std::string::npos) << row.summary_json;
    }
    EXPECT_NE((*rows)[1].summary_json.find("completed"), std::string::npos);
}

TEST_F(CxRecorderTest, TheFirstJourneyAfterMidnightCommitsTheDayBeforeOnce) {
    clock_.set(from_unix_millis(1'767'614'400'000));  // 2026-01-05T12:00Z
    ASSERT_TRUE(recorder_.record_journey(session_, ui::Language::English, flow::SessionOutcome::Completed).ok());
    ASSERT_TRUE(recorder_.record_availability({{"2026-01-05", 3'600'000, 0}}).ok());
    EXPECT_EQ(recorder_.committed_record_ids().size(), 1U);  // no statistics of the 4th: nothing due
    clock_.set(from_unix_millis(1'767'657'600'000 + 60'000));  // 2026-01-06T00:01Z
    ASSERT_TRUE(recorder_.record_journey(session_, ui::Language::English, flow::SessionOutcome::Cancelled).ok());
    ASSERT_TRUE(recorder_.record_journey(session_, ui::Language::English, flow::SessionOutcome::Completed).ok());
    EXPECT_EQ(recorder_.committed_record_ids().size(), 4U);  // three journeys and one index
    auto batch = store::Outbox(database_, clock_).next_batch(10);
    ASSERT_TRUE(batch.ok());
    int indexes = 0;
    for (const security::SealedRecord& record : *batch) {
        if (record.header.kind != "service_quality") continue;
        ++indexes;
        auto plain = sealer_.open(record);
        ASSERT_TRUE(plain.ok());
        const auto payload = nlohmann::json::parse(std::string(reinterpret_cast<const char*>(plain->data()), plain->size()));
        EXPECT_EQ(payload["day"], "2026-01-05");
        EXPECT_EQ(payload["sessions"], 1);
        EXPECT_EQ(payload["availability"], 1.0);
    }
    EXPECT_EQ(indexes, 1);
    EXPECT_EQ(store::KvStore(database_).get(std::string(kServiceQualityLastDayKey))->value_or(""), "2026-01-05");
}

TEST_F(CxRecorderTest, AnIndexOnDemandIsJournaled) {
    clock_.set(from_unix_millis(1'767'614'400'000));
    ASSERT_TRUE(recorder_.record_journey(session_, ui::Language::English, flow::SessionOutcome::Completed).ok());
    auto id = recorder_.record_service_quality("2026-01-05");
    ASSERT_TRUE(id.ok()) << id.error().message;
    EXPECT_EQ(recorder_.committed_record_ids().back(), *id);
    auto lines = store::Journal(database_).read_all();
    ASSERT_TRUE(lines.ok());
    EXPECT_EQ(lines->back().line.event_type, "service_quality");
    EXPECT_EQ(lines->back().line.resource, "2026-01-05");
}

}  // namespace
}  // namespace kiosk
