// The CX recorder: each business step commits its sealed record, journal line and counters
// together, and what it seals carries the token and masked PAN, never the PAN.
#include "kiosk/cx/cx_recorder.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "sim/virtual_clock.hpp"
#include "store/counters.hpp"
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
                                                        host::ResponseCode::Approved, 12, Money{1, "CNY", 2}, {}, {}})
                    .ok());
    const nlohmann::json payload = open_only_record();
    EXPECT_EQ(payload["type"], "balance_inquiry");
    EXPECT_EQ(payload["iso_response_code"], "00");
    EXPECT_EQ(payload["pan_token"], "token-abc");
    EXPECT_EQ(payload["masked_pan"], "401288******1881");
    EXPECT_TRUE(payload["amount_minor"].is_null()) << "a balance inquiry moves no money";
    EXPECT_EQ(payload["reference"], "000000000012") << "no host reference: the STAN, 12 digits";
    EXPECT_TRUE(payload.dump().find(pan) == std::string::npos);

    auto lines = store::Journal(database_).read_all();
    ASSERT_TRUE(lines.ok());
    ASSERT_EQ(lines->size(), 1U);
    EXPECT_EQ(lines->front().line.outcome, "approved");
    EXPECT_TRUE(lines->front().line.resource.find(pan) == std::string::npos);
    EXPECT_EQ(*store::Counters(database_).get("tx.balance_inquiry.approved"), 1);
    EXPECT_EQ(recorder_.committed_record_ids().size(), 1U);
}

TEST_F(CxRecorderTest, TransactionCarriesAmountCurrencyAndTheHostsReference) {
    ASSERT_TRUE(recorder_.record_transaction(session_, {host::TransactionType::Withdrawal, host::ResponseCode::Approved,
                                                        4711, std::nullopt, Money{500'00, "CNY", 2}, "601234004711"})
                    .ok());
    const nlohmann::json payload = open_only_record();
    EXPECT_EQ(payload["amount_minor"], 50'000);
    EXPECT_EQ(payload["currency"], "CNY");
    EXPECT_EQ(payload["reference"], "601234004711");
}

TEST_F(CxRecorderTest, JourneyListsEveryScreenWithDwellTimesAndItsSummary) {
    const TimePoint start = clock_.now();
    session_.journey.enter(ui::ScreenId::ReadingCard, start);
    session_.journey.enter(ui::ScreenId::EnterPin, start + Millis(800));
    session_.journey.key(PadKey::Digit, start + Millis(1'000));
    session_.journey.close(start + Millis(4'000));
    session_.accessibility.speech = true;
    session_.segment = "senior";
    session_.personalized = true;
    ASSERT_TRUE(
        recorder_.record_journey(session_, ui::Language::SimplifiedChinese, flow::SessionOutcome::Completed).ok());
    const nlohmann::json payload = open_only_record();
    EXPECT_EQ(payload["language"], "zh-CN");
    EXPECT_EQ(payload["outcome"], "completed");
    EXPECT_EQ(payload["task"], "none");
    EXPECT_EQ(payload["total_ms"], 4'000);
    EXPECT_EQ(payload["started_unix_ms"], to_unix_millis(start));
    EXPECT_EQ(payload["accessibility"]["speech"], true);
    EXPECT_EQ(payload["segment"], "senior");
    EXPECT_EQ(payload["personalized"], true);
    ASSERT_EQ(payload["steps"].size(), 2U);
    EXPECT_EQ(payload["steps"][1]["screen"], "enter_pin");
    EXPECT_EQ(payload["steps"][1]["dwell_ms"], 3'200);
    ASSERT_EQ(payload["events"].size(), 1U);
    EXPECT_EQ(payload["events"][0]["type"], "key");
    EXPECT_EQ(payload["events"][0]["control"], "digit");
    EXPECT_EQ(payload["events"][0]["at_ms"], 1'000);
    EXPECT_EQ(payload["events"][0]["screen"], "enter_pin");
    EXPECT_EQ(payload["step_count"], 2);
    EXPECT_EQ(payload["error_count"], 0);
    EXPECT_TRUE(payload["abandoned_at"].is_null());
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
                                                        host::ResponseCode::Approved, 1, {}, {}, {}})
                     .ok());
    EXPECT_EQ(*store::Outbox(database_, clock_).pending_count(), 0U);
    EXPECT_EQ(store::Journal(database_).read_all()->size(), 0U);
    EXPECT_TRUE(recorder.committed_record_ids().empty());
}

}  // namespace
}  // namespace kiosk
