// The post-transaction survey on the whole kiosk (issue 10, item 4), in virtual time: a customer
// answers (a low score, then its reasons and the 0–10 question), another skips with one touch, a
// third lets the survey run out; the first card is not asked again within the period and is asked
// again after it. Every survey record is opened by the simulated CRM with its own key, and says
// what happened; an out-of-range score touched on the screen is refused and never stored.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/e2e/crm_opened_check.hpp"
#include "tests/e2e/cx_payloads.hpp"
#include "tests/e2e/kiosk_on_simulator.hpp"

namespace kiosk::test {
namespace {

using flow::StateId;
using nlohmann::json;

class SurveyE2eTest : public KioskOnSimulator {
protected:
    void SetUp() override {
        config_.survey.period = std::chrono::hours(24 * 7);
        config_.survey.nps_sample_percent = 100;  // every survey asks the 0–10 question: deterministic
        start("kiosk-survey");
    }

    // A balance inquiry, no receipt, no other transaction, the card taken: where the survey begins.
    void balance_and_card_back(const sim::VirtualCard& card) {
        to_menu(card);
        touch("balance", Millis(1'500));
        ASSERT_EQ(state(), StateId::ShowBalance) << notes_;
        touch("continue", Millis(500));
        touch("receipt_no", Millis(500));
        touch("another_no", Millis(500));
        ASSERT_EQ(state(), StateId::Closing) << notes_;
        ASSERT_TRUE(rig_->card_reader().take_card().ok());
        pass(Millis(500));
    }

    // Delivers the outbox to the simulated CRM; its survey records, opened by the CRM.
    std::vector<json> surveys_the_crm_opened() {
        for (int round = 0; round < 10 && app_->uploader().upload_once().sent > 0; ++round) {
        }
        std::vector<json> surveys;
        for (const sim::OpenedCrmRecord& record : rig_->crm().opened_records()) {
            if (record.kind == "survey") surveys.push_back(json::parse(record.payload_json));
        }
        return surveys;
    }

    void back_to_attract() {
        pass(Millis(6'000));
        ASSERT_EQ(state(), StateId::Attract) << notes_;
    }
};

TEST_F(SurveyE2eTest, AnsweredSkippedTimedOutAndNotAskedAgainWithinThePeriod) {
    // Alice is unhappy: a low score, two reasons, and 3 out of 10.
    const sim::VirtualCard& alice = sim::card("visa-alice");
    balance_and_card_back(alice);
    ASSERT_EQ(state(), StateId::Survey) << notes_;
    EXPECT_EQ(last_screen_.screen, ui::ScreenId::Survey);
    EXPECT_EQ(rig_->card_reader().card_inside(), std::nullopt);  // the survey never keeps the card
    touch("survey_csat_2", Millis(800));
    ASSERT_EQ(state(), StateId::SurveyReasons);
    touch("survey_reason_waiting", Millis(500));
    touch("survey_reason_cash", Millis(500));
    EXPECT_EQ(std::count_if(last_screen_.chips.begin(), last_screen_.chips.end(), [](const ui::Chip& c) { return c.on; }),
              2);
    touch("survey_done", Millis(500));
    ASSERT_EQ(state(), StateId::SurveyNps);
    touch("survey_nps_3", Millis(500));
    ASSERT_EQ(state(), StateId::ThankYou) << notes_;
    back_to_attract();

    // Bob skips with one touch.
    balance_and_card_back(sim::card("amex-bob"));
    ASSERT_EQ(state(), StateId::Survey) << notes_;
    touch("survey_skip", Millis(500));
    ASSERT_EQ(state(), StateId::ThankYou);
    back_to_attract();

    // Chen gives a good score, then walks away from the 0–10 question: the one timer runs out.
    balance_and_card_back(sim::card("mc-chen"));
    ASSERT_EQ(state(), StateId::Survey) << notes_;
    pass(Millis(3'000));  // thinking it over
    touch("survey_csat_4", Millis(500));
    ASSERT_EQ(state(), StateId::SurveyNps);
    pass(Millis(7'000));  // 10 s from the first survey screen, though only 7.5 s on this one
    ASSERT_EQ(state(), StateId::ThankYou) << "the survey's one timer ran out";
    back_to_attract();

    // Alice again, two days later: asked within the period, so not asked.
    clock_.advance(std::chrono::hours(48));
    pass(Millis(3'000));
    balance_and_card_back(alice);
    EXPECT_EQ(state(), StateId::ThankYou) << "asked again within survey.period_days";
    back_to_attract();

    // And eight days after her survey: the period is over, she is asked again (and skips).
    clock_.advance(std::chrono::hours(24 * 6));
    pass(Millis(3'000));
    balance_and_card_back(alice);
    ASSERT_EQ(state(), StateId::Survey) << "the period is over: asked again";
    touch("survey_skip", Millis(500));
    back_to_attract();

    const std::vector<json> surveys = surveys_the_crm_opened();
    ASSERT_EQ(surveys.size(), 4U);
    const json& answered = surveys[0];
    EXPECT_EQ(answered["status"], "answered");
    EXPECT_EQ(answered["csat"], 2);
    EXPECT_EQ(answered["reasons"], json({"waiting", "cash"}));
    EXPECT_EQ(answered["nps"], 3);
    EXPECT_EQ(answered["nps_asked"], true);
    EXPECT_EQ(answered["task"], "balance");
    EXPECT_EQ(answered["language"], "en");
    EXPECT_EQ(answered["session"], 1);
    EXPECT_FALSE(answered["pan_token"].get<std::string>().empty());
    EXPECT_LE(answered["duration_ms"].get<std::int64_t>(), 10'000);
    const json& skipped = surveys[1];
    EXPECT_EQ(skipped["status"], "skipped");
    EXPECT_TRUE(skipped["csat"].is_null());
    EXPECT_EQ(skipped["reasons"], json::array());
    const json& timed_out = surveys[2];
    EXPECT_EQ(timed_out["status"], "timed_out");
    EXPECT_EQ(timed_out["csat"], 4);  // what was answered before the time ran out
    EXPECT_EQ(timed_out["nps_asked"], true);
    EXPECT_TRUE(timed_out["nps"].is_null());
    EXPECT_EQ(timed_out["duration_ms"], 10'000);
    EXPECT_EQ(surveys[3]["status"], "skipped");
    EXPECT_EQ(surveys[3]["pan_token"], answered["pan_token"]);  // the same card, after the period
    expect_crm_opened_every_record(rig_->crm(), app_->cx().committed_record_ids());

    // The journey of a surveyed visit tells it too, and the visit is still a completed one.
    std::vector<json> journeys;
    for (const sim::OpenedCrmRecord& record : rig_->crm().opened_records()) {
        if (record.kind == "journey") journeys.push_back(json::parse(record.payload_json));
    }
    ASSERT_EQ(journeys.size(), 5U);
    EXPECT_EQ(journeys[2]["outcome"], "completed");
    EXPECT_EQ(journeys[2]["timeout_count"], 0);  // a survey left to run out is no timed-out visit
    std::vector<std::string> survey_events;
    for (const json& event : journeys[0]["events"]) {
        if (event["type"] == "survey") survey_events.push_back(event["detail"].get<std::string>());
    }
    EXPECT_EQ(survey_events, (std::vector<std::string>{"shown", "answered"}));
}

TEST_F(SurveyE2eTest, AScoreOutsideItsRangeTouchedOnTheScreenIsRefusedAndNeverStored) {
    balance_and_card_back(sim::card("visa-alice"));
    ASSERT_EQ(state(), StateId::Survey) << notes_;
    touch("survey_csat_9", Millis(300));   // parses as a score; the flow takes none outside 1–5
    touch("survey_csat_0", Millis(300));
    touch("survey_reason_bored", Millis(300));  // no such tag: not even an action
    EXPECT_EQ(state(), StateId::Survey);
    EXPECT_NE(notes_.find("ignored unknown touch action 'survey_reason_bored'"), std::string::npos) << notes_;
    touch("survey_csat_5", Millis(300));
    ASSERT_EQ(state(), StateId::SurveyNps);
    touch("survey_nps_11", Millis(300));
    EXPECT_EQ(state(), StateId::SurveyNps);
    touch("survey_nps_10", Millis(300));
    ASSERT_EQ(state(), StateId::ThankYou);
    back_to_attract();

    const std::vector<json> surveys = surveys_the_crm_opened();
    ASSERT_EQ(surveys.size(), 1U);
    EXPECT_EQ(surveys[0]["csat"], 5);
    EXPECT_EQ(surveys[0]["nps"], 10);
    expect_crm_opened_every_record(rig_->crm(), app_->cx().committed_record_ids());
}

TEST_F(SurveyE2eTest, AVisitThatFailedIsNotAsked) {
    to_menu(sim::card("visa-alice"));
    rig_->bank().inject(sim::HostFault::SystemError);  // answered 96: declined
    touch("balance", Millis(1'500));
    ASSERT_EQ(state(), StateId::Closing) << notes_;
    ASSERT_TRUE(rig_->card_reader().take_card().ok());
    pass(Millis(500));
    EXPECT_EQ(state(), StateId::ThankYou) << "a declined visit is not asked how it was";
    back_to_attract();
    EXPECT_TRUE(surveys_the_crm_opened().empty());
}

}  // namespace
}  // namespace kiosk::test
