// The survey record (docs/cx-records.md, `survey`): the payload exactly as the contract says, with
// its journal line, counters, statistic and the card token's "last asked" in one business step;
// an answer outside its range refused and nothing written; the statistic feeds CSAT and NPS.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "crm/record_opener.hpp"
#include "kiosk/cx/cx_recorder.hpp"
#include "kiosk/cx/service_quality.hpp"
#include "sim/virtual_clock.hpp"
#include "store/counters.hpp"
#include "store/crm_data_keys.hpp"
#include "store/cx_stats.hpp"
#include "store/journal.hpp"
#include "store/kv_store.hpp"
#include "store/outbox.hpp"

namespace kiosk {
namespace {

using flow::SurveyAnswers;
using flow::SurveyReason;
using flow::SurveyStatus;

security::CrmPrivateKey crm_key() {
    SeededRandom random(78);
    return std::move(security::CrmPrivateKey::generate("crm-test", random).value());
}

class SurveyRecordTest : public ::testing::Test {
protected:
    SurveyRecordTest()
        : database_(std::move(store::Database::open_in_memory()).value()),
          data_keys_(database_),
          sealer_(config(), data_keys_, clock_),
          recorder_(database_, sealer_, std::move(security::JournalChain::create(Bytes(32, 0x4B)).value()), random_,
                    clock_, "SIM-0001") {
        clock_.set(from_unix_millis(1'767'614'400'000));  // 2026-01-05T12:00Z
        session_.number = 3;
        session_.masked_pan = "401288******1881";
        session_.pan_token = "token-xyz";
        session_.segment = "standard";
        session_.journey.task_chosen(host::TransactionType::Withdrawal);
    }

    security::CrmSealerConfig config() {
        security::CrmSealerConfig sealing;
        sealing.crm_keys = {crm_key_.public_key()};
        return sealing;
    }

    SurveyRecord survey(SurveyAnswers answers) {
        return SurveyRecord{std::move(answers), ui::Language::English, clock_.now() - Millis(4'200), Millis(4'200)};
    }

    std::vector<nlohmann::json> opened() {
        auto batch = store::Outbox(database_, clock_).next_batch(10);
        EXPECT_TRUE(batch.ok());
        std::vector<std::string> key_ids;
        for (const auto& record : *batch) key_ids.push_back(record.header.key_id);
        crm::UploadBatch upload{"SIM-0001", *batch, data_keys_.wraps_for(key_ids).value()};
        std::vector<nlohmann::json> payloads;
        for (const auto& record : *batch) {
            EXPECT_EQ(record.header.kind, "survey");
            auto plain = crm::RecordOpener({crm_key_}).open(upload, record);
            EXPECT_TRUE(plain.ok());
            payloads.push_back(nlohmann::json::parse(plain.value_or("{}")));
        }
        return payloads;
    }

    store::Database database_;
    sim::VirtualClock clock_;
    SeededRandom random_{2};
    security::CrmPrivateKey crm_key_ = crm_key();
    store::CrmDataKeys data_keys_;
    security::CrmRecordSealer sealer_;
    CxRecorder recorder_;
    Session session_;
};

SurveyAnswers low_score_with_reasons() {
    SurveyAnswers answers;
    answers.csat = 2;
    answers.reasons = {SurveyReason::Waiting, SurveyReason::Cash};
    answers.status = SurveyStatus::Answered;
    return answers;
}

TEST_F(SurveyRecordTest, TheRecordIsTheContractsPayloadWithItsStepInOneTransaction) {
    ASSERT_TRUE(recorder_.record_survey(session_, survey(low_score_with_reasons())).ok());
    const auto payloads = opened();
    ASSERT_EQ(payloads.size(), 1U);
    const nlohmann::json expected{
        {"session", 3},         {"pan_token", "token-xyz"},      {"task", "withdrawal"},  {"status", "answered"},
        {"csat", 2},            {"reasons", {"waiting", "cash"}}, {"nps", nullptr},       {"nps_asked", false},
        {"language", "en"},     {"segment", "standard"},         {"shown_unix_ms", 1'767'614'400'000 - 4'200},
        {"duration_ms", 4'200},
    };
    EXPECT_EQ(payloads[0], expected);
    EXPECT_EQ(*store::Counters(database_).get("surveys.shown"), 1);
    EXPECT_EQ(*store::Counters(database_).get("surveys.answered"), 1);
    auto journal = store::Journal(database_).read_all();
    ASSERT_TRUE(journal.ok());
    ASSERT_EQ(journal->size(), 1U);
    EXPECT_EQ(journal->back().line.event_type, "survey");
    EXPECT_EQ(journal->back().line.outcome, "answered");
    EXPECT_EQ(*recorder_.last_survey_asked("token-xyz"), std::optional(clock_.now() - Millis(4'200)));
    EXPECT_EQ(*recorder_.last_survey_asked("someone-else"), std::nullopt);
}

TEST_F(SurveyRecordTest, AnAnswerOutsideItsRangeIsRefusedAndNothingIsWritten) {
    auto refused = [&](SurveyAnswers answers, std::string_view why) {
        const Status status = recorder_.record_survey(session_, survey(std::move(answers)));
        ASSERT_FALSE(status.ok()) << why;
        EXPECT_NE(status.error().to_string().find(why), std::string::npos) << status.error().to_string();
    };
    SurveyAnswers csat_six = low_score_with_reasons();
    csat_six.csat = 6;
    refused(csat_six, "csat 6 is outside 1-5");
    SurveyAnswers nps_eleven;
    nps_eleven.nps_asked = true;
    nps_eleven.csat = 4;
    nps_eleven.nps = 11;
    nps_eleven.status = SurveyStatus::Answered;
    refused(nps_eleven, "nps 11 is outside 0-10");
    SurveyAnswers unknown_tag = low_score_with_reasons();
    unknown_tag.reasons.push_back(static_cast<SurveyReason>(42));
    refused(unknown_tag, "unknown reason tag");
    SurveyAnswers reasons_after_good = low_score_with_reasons();
    reasons_after_good.csat = 4;
    refused(reasons_after_good, "reasons without a score of 1-2");
    SurveyAnswers no_status = low_score_with_reasons();
    no_status.status.reset();
    refused(no_status, "no status");

    EXPECT_TRUE(store::Outbox(database_, clock_).next_batch(10)->empty());
    EXPECT_EQ(*store::Counters(database_).get("surveys.shown"), 0);
    EXPECT_EQ(*recorder_.last_survey_asked("token-xyz"), std::nullopt);
}

TEST_F(SurveyRecordTest, SurveyStatisticsGiveCsatResponseRateAndNps) {
    SurveyAnswers promoter;
    promoter.csat = 5;
    promoter.nps_asked = true;
    promoter.nps = 10;
    promoter.status = SurveyStatus::Answered;
    SurveyAnswers skipped;
    skipped.status = SurveyStatus::Skipped;
    ASSERT_TRUE(recorder_.record_survey(session_, survey(low_score_with_reasons())).ok());
    ASSERT_TRUE(recorder_.record_survey(session_, survey(promoter)).ok());
    ASSERT_TRUE(recorder_.record_survey(session_, survey(skipped)).ok());
    auto rows = store::CxStats(database_).of_day("2026-01-05");
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 3U);
    for (const store::CxStat& row : *rows) EXPECT_EQ(row.summary_json.find("token-xyz"), std::string::npos);
    const ServiceQuality quality = compute_service_quality("2026-01-05", *rows, std::nullopt);
    EXPECT_EQ(quality.surveys_shown, 3);
    EXPECT_EQ(quality.csat_responses, 2);
    ASSERT_TRUE(quality.csat_mean);
    EXPECT_DOUBLE_EQ(*quality.csat_mean, 3.5);
    ASSERT_TRUE(quality.response_rate);
    EXPECT_NEAR(*quality.response_rate, 2.0 / 3.0, 1e-3);
    EXPECT_EQ(quality.nps_responses, 1);
    ASSERT_TRUE(quality.nps);
    EXPECT_DOUBLE_EQ(*quality.nps, 100.0);
}

}  // namespace
}  // namespace kiosk
