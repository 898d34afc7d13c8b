// The CX recorder: each business step commits its sealed record, journal line and counters
// together, and what it seals carries the token and masked PAN, never the PAN. Records are sealed
// to the CRM: the test opens them as the CRM does, with its record private key.
#include "kiosk/cx/cx_recorder.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>

#include "crm/record_opener.hpp"
#include "sim/virtual_clock.hpp"
#include "kiosk/cx/complaint_reference.hpp"
#include "kiosk/cx/cx_day.hpp"
#include "kiosk/cx/service_quality.hpp"
#include "kiosk/cx/service_quality_record.hpp"
#include "store/counters.hpp"
#include "store/crm_data_keys.hpp"
#include "store/cx_stats.hpp"
#include "store/kv_store.hpp"
#include "store/journal.hpp"
#include "store/outbox.hpp"
#include "store/record_priority.hpp"
#include "tests/kiosk/cx_test_sealing.hpp"

namespace kiosk {
namespace {

constexpr const char* pan = "4012888888881881";

using test::crm_key;
using test::journal_chain;
using test::sealing_to;

class FailingKeyStore final : public security::WrappedKeyStore {
public:
    Status persist(const security::NewDataKey&) override { return make_error("store", "disk full"); }
};

class CxRecorderTest : public ::testing::Test {
protected:
    CxRecorderTest()
        : database_(std::move(store::Database::open_in_memory()).value()),
          data_keys_(database_),
          sealer_(sealing_to(crm_key_), data_keys_, clock_),
          recorder_(database_, sealer_, journal_chain(), random_, clock_, "SIM-0001") {
        session_.number = 1;
        session_.pan = security::SecureString(std::string_view(pan));
        session_.masked_pan = "401288******1881";
        session_.pan_token = "token-abc";
    }

    // One record opened as the CRM opens it: with the CRM's private key and the outbox's wraps.
    nlohmann::json open_payload(const security::SealedRecord& record) {
        const std::vector<std::string> key_ids{record.header.key_id};
        crm::UploadBatch upload{"SIM-0001", {record}, data_keys_.wraps_for(key_ids).value()};
        auto plain = crm::RecordOpener({crm_key_}).open(upload, record);
        EXPECT_TRUE(plain.ok()) << plain.error().to_string();
        return nlohmann::json::parse(plain.value_or("{}"));
    }

    nlohmann::json open_only_record() {
        auto batch = store::Outbox(database_, clock_).next_batch(10);
        EXPECT_TRUE(batch.ok());
        EXPECT_EQ(batch->size(), 1U);
        const std::vector<std::string> key_ids{batch->front().header.key_id};
        crm::UploadBatch upload{"SIM-0001", *batch, data_keys_.wraps_for(key_ids).value()};
        auto plain = crm::RecordOpener({crm_key_}).open(upload, batch->front());
        EXPECT_TRUE(plain.ok()) << plain.error().to_string();
        return nlohmann::json::parse(plain.value_or("{}"));
    }

    store::Database database_;
    sim::VirtualClock clock_;
    SeededRandom random_{1};
    security::CrmPrivateKey crm_key_ = crm_key();
    store::CrmDataKeys data_keys_;
    security::CrmRecordSealer sealer_;
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
    // A data key whose wraps cannot be persisted seals nothing, before anything is written.
    FailingKeyStore failing;
    security::CrmRecordSealer unpersisted(sealing_to(crm_key_), failing, clock_);
    CxRecorder recorder(database_, unpersisted, journal_chain(), random_, clock_, "SIM-0001");
    EXPECT_FALSE(recorder.record_transaction(session_, {host::TransactionType::BalanceInquiry,
                                                        host::ResponseCode::Approved, 1, {}, {}, {}})
                     .ok());
    EXPECT_EQ(*store::Outbox(database_, clock_).pending_count(), 0U);
    EXPECT_EQ(store::Journal(database_).read_all()->size(), 0U);
    EXPECT_TRUE(recorder.committed_record_ids().empty());
}

// The outbox cap dropped journeys: the recorder reports the count as a telemetry_dropped record in
// one transaction with forgetting what it reported; at most one report waits in the outbox.
TEST_F(CxRecorderTest, DroppedTelemetryIsReportedAsATelemetryDroppedRecordOneAtATime) {
    store::OutboxLimits limits;
    limits.max_records = 100;
    database_.set_outbox_limits(limits);
    const auto journey = [this] {
        ASSERT_TRUE(recorder_.record_journey(session_, ui::Language::English, flow::SessionOutcome::Completed).ok());
    };
    for (int i = 0; i < 101; ++i) journey();

    store::Outbox outbox(database_, clock_);
    auto batch = outbox.next_batch(200);
    ASSERT_TRUE(batch.ok());
    ASSERT_EQ(batch->size(), 100U);
    // Priority 1 before the journeys (2): the report goes first.
    const security::SealedRecord report = batch->front();
    ASSERT_EQ(report.header.kind, "telemetry_dropped");
    const auto payload_of = [this](const security::SealedRecord& sealed) { return open_payload(sealed); };
    const auto payload = payload_of(report);
    EXPECT_EQ(payload["dropped"], 1);  // the 101st journey made room by dropping the oldest
    EXPECT_EQ(payload["oldest_dropped_unix_ms"], to_unix_millis(clock_.now()));
    EXPECT_EQ(payload["newest_dropped_unix_ms"], to_unix_millis(clock_.now()));
    EXPECT_EQ(recorder_.committed_record_ids().back(), report.header.record_id);
    auto journal = store::Journal(database_).read_all();
    ASSERT_TRUE(journal.ok());
    const auto reported = std::find_if(journal->begin(), journal->end(), [](const store::JournalEntry& entry) {
        return entry.line.event_type == "telemetry_dropped_reported";
    });
    ASSERT_NE(reported, journal->end());
    EXPECT_EQ(reported->line.detail, "1 journey records dropped for room; records " + report.header.record_id);
    // The report's own step was over the cap too: the store journaled that drop after it.
    EXPECT_EQ(journal->back().line.event_type, "telemetry_dropped");

    // The report took room too (one more journey dropped), and more journeys drop more: counted,
    // not reported while the first report waits.
    for (int i = 0; i < 3; ++i) journey();
    EXPECT_EQ(outbox.next_batch(200)->front().header.record_id, report.header.record_id);
    EXPECT_EQ((*outbox.dropped_telemetry())->dropped, 4);

    ASSERT_TRUE(outbox.acknowledge({report.header.record_id}).ok());  // the CRM has it
    journey();
    const security::SealedRecord second = outbox.next_batch(1)->front();
    ASSERT_EQ(second.header.kind, "telemetry_dropped");
    EXPECT_NE(second.header.record_id, report.header.record_id);
    EXPECT_EQ(payload_of(second)["dropped"], 4);
}

// The kiosk's own statistics: each journey and transaction leaves a summary without card data,
// and the first journey after midnight commits the previous day's index with itself, once.
TEST_F(CxRecorderTest, JourneysAndTransactionsLeaveStatisticsWithoutCardData) {
    clock_.set(from_unix_millis(1'767'614'400'000));  // 2026-01-05T12:00Z
    ASSERT_TRUE(recorder_.record_transaction(session_, {host::TransactionType::Withdrawal,
                                                        host::ResponseCode::Approved, 7, {}, {}, {}})
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
        const auto payload = open_payload(record);
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

// --- complaints ------------------------------------------------------------------------------

ComplaintReport dispense_report() {
    ComplaintReport report;
    report.category = flow::ComplaintCategory::CashNotDispensed;
    report.transaction_reference = "601234004711";
    report.amount = Money{500'00, "CNY", 2};
    report.detail = "dispense failed after approval";
    report.language = ui::Language::SimplifiedChinese;
    report.offered_after_failure = true;
    return report;
}

TEST_F(CxRecorderTest, AComplaintIsOneStepOfRecordJournalCounterStatisticAndReference) {
    const auto reference = recorder_.record_complaint(session_, dispense_report());
    ASSERT_TRUE(reference.ok()) << reference.error().to_string();
    EXPECT_TRUE(is_complaint_reference(*reference)) << *reference;
    EXPECT_EQ(reference->substr(0, 12), "KB-" + utc_day(clock_.now()).substr(0, 4) + utc_day(clock_.now()).substr(5, 2) +
                                            utc_day(clock_.now()).substr(8, 2) + "-")
        << "the kiosk's day";
    const nlohmann::json payload = open_only_record();
    EXPECT_EQ(payload["reference"], *reference);
    EXPECT_EQ(payload["category"], "cash_not_dispensed");
    EXPECT_EQ(payload["session"], 1);
    EXPECT_EQ(payload["pan_token"], "token-abc");
    EXPECT_EQ(payload["transaction_reference"], "601234004711");
    EXPECT_EQ(payload["amount_minor"], 50'000);
    EXPECT_EQ(payload["currency"], "CNY");
    EXPECT_EQ(payload["detail"], "dispense failed after approval");
    EXPECT_EQ(payload["language"], "zh-CN");
    EXPECT_EQ(payload["offered_after_failure"], true);
    EXPECT_EQ(payload.dump().find(pan), std::string::npos);
    EXPECT_EQ(payload.dump().find("401288"), std::string::npos) << "not even the masked number";

    auto batch = store::Outbox(database_, clock_).next_batch(10);
    ASSERT_TRUE(batch.ok());
    EXPECT_EQ(batch->front().header.kind, "complaint");
    auto lines = store::Journal(database_).read_all();
    ASSERT_TRUE(lines.ok());
    ASSERT_EQ(lines->size(), 1U);
    EXPECT_EQ(lines->front().line.event_type, "complaint");
    EXPECT_EQ(lines->front().line.resource, "complaint " + *reference);
    EXPECT_EQ(*store::Counters(database_).get("complaints.cash_not_dispensed"), 1);
    // The statistic the service-quality index counts complaints from: no reference, no token.
    auto stats = store::CxStats(database_).of_day(utc_day(clock_.now()));
    ASSERT_TRUE(stats.ok());
    ASSERT_EQ(stats->size(), 1U);
    EXPECT_EQ(stats->front().kind, "complaint");
    EXPECT_EQ(stats->front().summary_json.find(*reference), std::string::npos);
    EXPECT_EQ(stats->front().summary_json.find("token-abc"), std::string::npos);
    EXPECT_TRUE(store::KvStore(database_).get("cx.complaint." + *reference)->has_value()) << "kept: unique at the kiosk";
}

TEST_F(CxRecorderTest, AComplaintWithoutACardOrTransactionHasNulls) {
    Session cardless;
    cardless.number = 2;
    cardless.cardless = true;
    ComplaintReport report;
    report.category = flow::ComplaintCategory::ScreenNotResponding;
    ASSERT_TRUE(recorder_.record_complaint(cardless, report).ok());
    const nlohmann::json payload = open_only_record();
    EXPECT_TRUE(payload["pan_token"].is_null());
    EXPECT_TRUE(payload["transaction_reference"].is_null());
    EXPECT_TRUE(payload["amount_minor"].is_null());
    EXPECT_TRUE(payload["currency"].is_null());
    EXPECT_EQ(payload["offered_after_failure"], false);
}

TEST_F(CxRecorderTest, AComplaintCategoryOutsideTheFiveIsRefusedAndNothingIsWritten) {
    ComplaintReport report = dispense_report();
    report.category = static_cast<flow::ComplaintCategory>(9);
    const auto refused = recorder_.record_complaint(session_, report);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().to_string().find("category"), std::string::npos) << refused.error().to_string();
    EXPECT_TRUE(store::Outbox(database_, clock_).next_batch(10)->empty());
    EXPECT_TRUE(store::Journal(database_).read_all()->empty());
    EXPECT_TRUE(recorder_.committed_record_ids().empty());
}

TEST_F(CxRecorderTest, ComplaintReferencesAreNeverReusedAtTheKiosk) {
    // The same seed twice draws the same first reference: the second recorder must skip it.
    SeededRandom first_draws(5);
    CxRecorder first(database_, sealer_, journal_chain(), first_draws, clock_, "SIM-0001");
    const auto one = first.record_complaint(session_, dispense_report());
    ASSERT_TRUE(one.ok());
    SeededRandom same_draws(5);
    CxRecorder second(database_, sealer_, journal_chain(), same_draws, clock_, "SIM-0001");
    const auto two = second.record_complaint(session_, dispense_report());
    ASSERT_TRUE(two.ok());
    EXPECT_NE(*one, *two);
}

TEST_F(CxRecorderTest, ComplaintsCountPerThousandSessionsInTheServiceQualityIndex) {
    ASSERT_TRUE(recorder_.record_journey(session_, ui::Language::English, flow::SessionOutcome::Failed).ok());
    ASSERT_TRUE(recorder_.record_complaint(session_, dispense_report()).ok());
    const std::string day = utc_day(clock_.now());
    auto rows = store::CxStats(database_).of_day(day);
    ASSERT_TRUE(rows.ok());
    const ServiceQuality quality = compute_service_quality(day, *rows, std::nullopt);
    EXPECT_EQ(quality.sessions, 1);
    EXPECT_EQ(quality.complaints, 1);
    ASSERT_TRUE(quality.complaints_per_1000);
    EXPECT_DOUBLE_EQ(*quality.complaints_per_1000, 1000.0);
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

TEST_F(CxRecorderTest, AnAlertIsOneStepOfRecordJournalAndCounterAtFirstPriority) {
    const AlertChange change{AlertTransition::raised,
                             {"paper_near_end", AlertSeverity::warning, "receipt paper near its end", "replace the roll"},
                             clock_.now(), clock_.now()};
    auto id = recorder_.record_alert(change);
    ASSERT_TRUE(id.ok()) << id.error().to_string();
    auto batch = store::Outbox(database_, clock_).next_batch(10);
    ASSERT_TRUE(batch.ok());
    ASSERT_EQ(batch->size(), 1U);
    EXPECT_EQ(batch->front().header.kind, "alert");
    EXPECT_EQ(batch->front().header.record_id, *id);
    EXPECT_EQ(store::record_priority(batch->front().header.kind), store::RecordPriority::First);
    const nlohmann::json payload = open_only_record();
    EXPECT_EQ(payload["alert"], "paper_near_end");
    EXPECT_EQ(payload["state"], "raised");
    EXPECT_EQ(payload["severity"], "warning");
    EXPECT_EQ(payload["suggested_action"], "replace the roll");
    EXPECT_TRUE(payload["cleared_unix_ms"].is_null());
    auto lines = store::Journal(database_).read_all();
    ASSERT_TRUE(lines.ok());
    ASSERT_EQ(lines->size(), 1U);
    EXPECT_EQ(lines->front().line.event_type, "alert_raised");
    EXPECT_EQ(lines->front().line.resource, "paper_near_end");
    EXPECT_EQ(*store::Counters(database_).get("alerts.raised"), 1);
}

}  // namespace
}  // namespace kiosk
