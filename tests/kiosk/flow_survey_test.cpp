// The post-transaction survey in the pure flow: asked only when the gate offers it and the visit
// ended well, once card and cash are with the customer; one timer for the whole survey; reasons
// only after a low score; NPS only on the sample; Skip one touch anywhere; and every score outside
// its range refused (no row taken, nothing to record).
#include "kiosk/flow/flow.hpp"

#include <gtest/gtest.h>

#include "tests/kiosk/flow_driver.hpp"

namespace kiosk::flow {
namespace {

// A balance inquiry answered, no receipt, no other transaction: the card is on its way out.
FlowDriver& to_card_out(FlowDriver& d) {
    to_menu(d).send(E::ChooseBalance).send(approved(100)).send(E::Continue).send(E::ReceiptNo).send(E::AnotherNo);
    EXPECT_EQ(d.state(), S::Closing);
    return d;
}

std::optional<SurveyAnswers> recorded(const FlowDriver& d) {
    const auto effect = d.effect<effects::RecordSurvey>();
    return effect ? std::optional(effect->answers) : std::nullopt;
}

TEST(FlowSurveyTest, NotAskedWhenTheGateSaysNo) {
    FlowDriver d;
    to_card_out(d).send(E::CardTaken);
    EXPECT_EQ(d.state(), S::ThankYou);
    EXPECT_FALSE(d.asked(EffectKind::RecordSurvey));
}

TEST(FlowSurveyTest, AskedOnlyAfterTheCardIsTakenAndStartsTheSurveysOneTimer) {
    FlowDriver d;
    d.offer_survey(SurveyOffer{false});
    to_card_out(d);
    EXPECT_EQ(d.screen(), ui::ScreenId::TakeCard);  // the card first: the survey never keeps it
    d.send(E::CardTaken);
    ASSERT_EQ(d.state(), S::Survey);
    EXPECT_EQ(d.screen(), ui::ScreenId::Survey);
    const auto timer = d.effect<effects::StartStateTimer>();
    ASSERT_TRUE(timer);
    EXPECT_EQ(timer->duration, Millis(10'000));
    EXPECT_FALSE(d.asked(EffectKind::EndSession));  // the journey goes on through the survey
}

TEST(FlowSurveyTest, NotAskedAfterAFailureOrACancelEvenWhenOffered) {
    FlowDriver declined_visit;
    declined_visit.offer_survey(SurveyOffer{false});
    to_menu(declined_visit).send(E::ChooseBalance).send(declined(ResponseCode::InsufficientFunds)).send(E::CardTaken);
    EXPECT_EQ(declined_visit.state(), S::ThankYou);
    FlowDriver cancelled;
    cancelled.offer_survey(SurveyOffer{false});
    to_menu(cancelled).send(E::Cancel).send(E::CardTaken);
    EXPECT_EQ(cancelled.state(), S::ThankYou);
}

TEST(FlowSurveyTest, AfterACardFirstWithdrawalTheSurveyFollowsTheCash) {
    FlowDriver d;
    d.offer_survey(SurveyOffer{false});
    to_menu(d).send(E::ChooseWithdrawal).send(amount(50000)).send(approved(100)).send(E::CardTaken);
    ASSERT_EQ(d.state(), S::Dispensing);
    d.send(E::CashPresented).send(E::CashTaken).send(E::ReceiptNo);
    EXPECT_EQ(d.state(), S::Survey);  // card and cash both taken: nothing is kept
    EXPECT_FALSE(d.context().card_in_machine);
    EXPECT_TRUE(d.context().cash_taken);
}

TEST(FlowSurveyTest, AGoodScoreWithoutTheNpsSampleIsAnsweredAtOnce) {
    FlowDriver d;
    d.offer_survey(SurveyOffer{false});
    to_card_out(d).send(E::CardTaken).send(csat(4));
    ASSERT_EQ(d.state(), S::ThankYou);
    const auto answers = recorded(d);
    ASSERT_TRUE(answers);
    EXPECT_EQ(answers->status, SurveyStatus::Answered);
    EXPECT_EQ(answers->csat, 4);
    EXPECT_TRUE(answers->reasons.empty());
    EXPECT_FALSE(answers->nps_asked);
    EXPECT_EQ(answers->nps, std::nullopt);
    // The record goes before the journey's end, and the visit counts as completed.
    const std::vector<EffectKind> kinds = d.kinds();
    const auto record = std::find(kinds.begin(), kinds.end(), EffectKind::RecordSurvey);
    const auto end = std::find(kinds.begin(), kinds.end(), EffectKind::EndSession);
    EXPECT_LT(record, end);
    EXPECT_FALSE(d.context().reason.has_value());
}

TEST(FlowSurveyTest, ALowScoreAsksForReasonsWhichToggleAndKeepTheOneTimer) {
    FlowDriver d;
    d.offer_survey(SurveyOffer{false});
    to_card_out(d).send(E::CardTaken).send(csat(2));
    ASSERT_EQ(d.state(), S::SurveyReasons);
    EXPECT_FALSE(d.asked(EffectKind::StartStateTimer));  // the survey's timer runs on
    EXPECT_FALSE(d.asked(EffectKind::CancelStateTimer));
    d.send(reason(SurveyReason::Waiting)).send(reason(SurveyReason::Cash)).send(reason(SurveyReason::Receipt));
    d.send(reason(SurveyReason::Receipt));  // chosen again: unchosen
    EXPECT_FALSE(d.asked(EffectKind::StartStateTimer));
    EXPECT_EQ(d.context().survey->reasons, (std::vector{SurveyReason::Waiting, SurveyReason::Cash}));
    d.send(E::SurveyDone);
    ASSERT_EQ(d.state(), S::ThankYou);
    const auto answers = recorded(d);
    ASSERT_TRUE(answers);
    EXPECT_EQ(answers->status, SurveyStatus::Answered);
    EXPECT_EQ(answers->csat, 2);
    EXPECT_EQ(answers->reasons, (std::vector{SurveyReason::Waiting, SurveyReason::Cash}));
}

TEST(FlowSurveyTest, TheNpsSampleIsAskedAfterTheScoreAndAfterTheReasons) {
    FlowDriver good;
    good.offer_survey(SurveyOffer{true});
    to_card_out(good).send(E::CardTaken).send(csat(5));
    ASSERT_EQ(good.state(), S::SurveyNps);
    EXPECT_EQ(good.screen(), ui::ScreenId::SurveyNps);
    EXPECT_FALSE(good.asked(EffectKind::StartStateTimer));
    good.send(nps(10));
    ASSERT_EQ(good.state(), S::ThankYou);
    EXPECT_EQ(recorded(good)->nps, 10);
    EXPECT_TRUE(recorded(good)->nps_asked);

    FlowDriver low;
    low.offer_survey(SurveyOffer{true});
    to_card_out(low).send(E::CardTaken).send(csat(1)).send(E::SurveyDone);
    ASSERT_EQ(low.state(), S::SurveyNps);
    low.send(nps(0));
    EXPECT_EQ(recorded(low)->nps, 0);
    EXPECT_EQ(recorded(low)->csat, 1);
}

TEST(FlowSurveyTest, SkipIsOneTouchOnEveryScreenAndKeepsWhatWasAnswered) {
    FlowDriver first;
    first.offer_survey(SurveyOffer{true});
    to_card_out(first).send(E::CardTaken).send(E::SurveySkip);
    ASSERT_EQ(first.state(), S::ThankYou);
    EXPECT_EQ(recorded(first)->status, SurveyStatus::Skipped);
    EXPECT_EQ(recorded(first)->csat, std::nullopt);

    FlowDriver reasons;
    reasons.offer_survey(SurveyOffer{true});
    to_card_out(reasons).send(E::CardTaken).send(csat(1)).send(reason(SurveyReason::Card)).send(E::SurveySkip);
    ASSERT_EQ(reasons.state(), S::ThankYou);  // Skip ends the survey: no NPS after it
    EXPECT_EQ(recorded(reasons)->status, SurveyStatus::Answered);
    EXPECT_EQ(recorded(reasons)->csat, 1);
    EXPECT_FALSE(recorded(reasons)->nps_asked);

    FlowDriver nps_screen;
    nps_screen.offer_survey(SurveyOffer{true});
    to_card_out(nps_screen).send(E::CardTaken).send(csat(3)).send(E::Cancel);  // the pad's cancel skips too
    ASSERT_EQ(nps_screen.state(), S::ThankYou);
    EXPECT_EQ(recorded(nps_screen)->status, SurveyStatus::Answered);
    EXPECT_TRUE(recorded(nps_screen)->nps_asked);
    EXPECT_EQ(recorded(nps_screen)->nps, std::nullopt);
}

TEST(FlowSurveyTest, TheTimerEndsTheSurveyTimedOutWithWhatWasAnsweredAndTheVisitStaysCompleted) {
    FlowDriver d;
    d.offer_survey(SurveyOffer{false});
    to_card_out(d).send(E::CardTaken).send(csat(2)).send(reason(SurveyReason::HardToUse)).send(E::Timeout);
    ASSERT_EQ(d.state(), S::ThankYou);
    const auto answers = recorded(d);
    ASSERT_TRUE(answers);
    EXPECT_EQ(answers->status, SurveyStatus::TimedOut);
    EXPECT_EQ(answers->csat, 2);
    EXPECT_EQ(answers->reasons, std::vector{SurveyReason::HardToUse});
    EXPECT_FALSE(d.context().reason.has_value());  // a survey left unanswered is no timed-out visit
    EXPECT_EQ(d.screen(), ui::ScreenId::ThankYou);
}

TEST(FlowSurveyTest, AnAnswerOutsideItsRangeIsRefusedNotRecorded) {
    FlowDriver d;
    d.offer_survey(SurveyOffer{true});
    to_card_out(d).send(E::CardTaken);
    for (const int bad : {0, 6, -1, 42}) {
        d.send(csat(bad));
        EXPECT_FALSE(d.last_taken()) << bad;
        EXPECT_EQ(d.state(), S::Survey);
        EXPECT_EQ(d.context().survey->csat, std::nullopt);
    }
    d.send(csat(1));
    ASSERT_EQ(d.state(), S::SurveyReasons);
    d.send(reason(static_cast<SurveyReason>(99)));
    EXPECT_FALSE(d.last_taken());
    EXPECT_TRUE(d.context().survey->reasons.empty());
    d.send(E::SurveyDone);
    ASSERT_EQ(d.state(), S::SurveyNps);
    for (const int bad : {-1, 11, 100}) {
        d.send(nps(bad));
        EXPECT_FALSE(d.last_taken()) << bad;
        EXPECT_EQ(d.state(), S::SurveyNps);
    }
    d.send(nps(7));
    ASSERT_EQ(d.state(), S::ThankYou);
    EXPECT_EQ(recorded(d)->nps, 7);
    EXPECT_TRUE(recorded(d)->reasons.empty());
}

TEST(FlowSurveyTest, AScoreOnAScreenThatIsNotTheSurveysIsIgnored) {
    FlowDriver d;
    d.offer_survey(SurveyOffer{true});
    to_menu(d).send(csat(5)).send(nps(9)).send(E::SurveySkip);
    EXPECT_EQ(d.state(), S::MainMenu);
    EXPECT_FALSE(d.context().survey.has_value());
}

TEST(FlowSurveyTest, TheSurveyTimerIsNotStretchedForSpeech) {
    FlowConfig config;
    config.survey_time_limit = Millis(7'000);
    EXPECT_EQ(config.timeout_for(S::Survey, true), Millis(7'000));
    EXPECT_EQ(config.timeout_for(S::SurveyReasons, false), std::nullopt);
}

}  // namespace
}  // namespace kiosk::flow

namespace kiosk::flow {
namespace {

// Survey and complaints meet: a customer reporting a problem is not asked, and "Report a problem"
// on a survey screen ends the survey (as Skip would) and opens the complaint screens.
TEST(FlowSurveyComplaintTest, NotAskedWhenTheCustomerAskedToReportAProblem) {
    FlowDriver d;
    d.offer_survey(SurveyOffer{false});
    to_card_out(d).send(E::ReportProblem);  // the card is on its way out: report after it
    d.send(E::CardTaken);
    EXPECT_EQ(d.state(), S::ComplaintCategory);
    d.send(E::Cancel);
    EXPECT_EQ(d.state(), S::ThankYou);
    EXPECT_FALSE(d.asked(EffectKind::RecordSurvey));
}

TEST(FlowSurveyComplaintTest, ReportFromTheSurveyEndsItAndOpensTheComplaintScreens) {
    FlowDriver d;
    d.offer_survey(SurveyOffer{false});
    to_card_out(d).send(E::CardTaken).send(csat(1));
    ASSERT_EQ(d.state(), S::SurveyReasons);
    d.send(E::ReportProblem);
    ASSERT_EQ(d.state(), S::ComplaintCategory);
    EXPECT_FALSE(d.asked(EffectKind::RecordSurvey));  // written when the visit says goodbye
    d.send(events::ComplaintCategoryChosen(ComplaintCategory::Other)).send(E::SendComplaint).send(E::Continue);
    ASSERT_EQ(d.state(), S::ThankYou);
    const auto answers = recorded(d);
    ASSERT_TRUE(answers);
    EXPECT_EQ(answers->status, SurveyStatus::Answered);  // the score given stands
    EXPECT_EQ(answers->csat, 1);
}

}  // namespace
}  // namespace kiosk::flow
