// The survey gate rule by rule: on; an approved and completed transaction; no failure; no problem
// reported; not asked within the period (asked again after it); not in a hurry; and the NPS sample
// drawn from the injected random source (seeded: the share is checked, not a lucky draw).
#include "kiosk/cx/survey_gate.hpp"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using namespace std::chrono_literals;

const TimePoint kNow = from_unix_millis(1'767'614'400'000);

SurveyVisit askable() {
    SurveyVisit visit;
    visit.has_token = true;
    visit.approved_transaction = true;
    visit.completed = true;
    visit.duration = Millis(60'000);
    return visit;
}

class SurveyGateTest : public ::testing::Test {
protected:
    SurveyConfig config_;
    SeededRandom random_{7};
    std::optional<SurveyNotAsked> why_not(const SurveyVisit& visit) { return SurveyGate(config_, random_).decide(visit, kNow).not_asked; }
};

TEST_F(SurveyGateTest, AnApprovedCompletedVisitOfACardNotAskedBeforeIsAsked) {
    EXPECT_EQ(why_not(askable()), std::nullopt);
}

TEST_F(SurveyGateTest, SurveysSwitchedOffAreNeverAsked) {
    config_.enabled = false;
    EXPECT_EQ(why_not(askable()), SurveyNotAsked::Disabled);
}

TEST_F(SurveyGateTest, OnlyAfterAnApprovedAndCompletedTransaction) {
    SurveyVisit no_approval = askable();
    no_approval.approved_transaction = false;
    EXPECT_EQ(why_not(no_approval), SurveyNotAsked::NotCompleted);
    SurveyVisit cancelled = askable();
    cancelled.completed = false;
    EXPECT_EQ(why_not(cancelled), SurveyNotAsked::NotCompleted);
}

TEST_F(SurveyGateTest, NeverWithoutACardTokenToCountThePeriodBy) {
    SurveyVisit cardless = askable();
    cardless.has_token = false;
    EXPECT_EQ(why_not(cardless), SurveyNotAsked::NoCard);
}

TEST_F(SurveyGateTest, NeverAfterAFailureOrAReportedProblem) {
    SurveyVisit failed = askable();
    failed.had_failure = true;
    EXPECT_EQ(why_not(failed), SurveyNotAsked::Failure);
    SurveyVisit reporting = askable();
    reporting.problem_reported = true;
    EXPECT_EQ(why_not(reporting), SurveyNotAsked::ProblemReported);
}

TEST_F(SurveyGateTest, AtMostOncePerPeriodPerCard) {
    config_.period = std::chrono::hours(24 * 30);
    SurveyVisit visit = askable();
    visit.last_asked = kNow - std::chrono::hours(24 * 29);
    EXPECT_EQ(why_not(visit), SurveyNotAsked::AskedRecently);
    visit.last_asked = kNow - std::chrono::hours(24 * 30) + 1ms;
    EXPECT_EQ(why_not(visit), SurveyNotAsked::AskedRecently);
    visit.last_asked = kNow - std::chrono::hours(24 * 30);
    EXPECT_EQ(why_not(visit), std::nullopt);  // the period is over: asked again
    visit.last_asked = kNow + 1h;              // the clock went back: still recent, not asked
    EXPECT_EQ(why_not(visit), SurveyNotAsked::AskedRecently);
}

TEST_F(SurveyGateTest, NotWhenTheVisitTookLongerThanTheHurryLimit) {
    config_.skip_when_longer_than = Millis(120'000);
    SurveyVisit visit = askable();
    visit.duration = Millis(120'000);
    EXPECT_EQ(why_not(visit), std::nullopt);
    visit.duration = Millis(120'001);
    EXPECT_EQ(why_not(visit), SurveyNotAsked::InAHurry);
}

TEST_F(SurveyGateTest, TheNpsSampleIsTheConfiguredShareOfVisits) {
    for (const int percent : {0, 10, 50, 100}) {
        config_.nps_sample_percent = percent;
        SeededRandom random(42);
        SurveyGate gate(config_, random);
        int sampled = 0;
        constexpr int kVisits = 10'000;
        for (int visit = 0; visit < kVisits; ++visit) sampled += gate.draw_nps_sample() ? 1 : 0;
        EXPECT_NEAR(sampled, kVisits * percent / 100, kVisits / 50) << percent << " %";
        if (percent == 0) {
            EXPECT_EQ(sampled, 0);
        }
        if (percent == 100) {
            EXPECT_EQ(sampled, kVisits);
        }
    }
}

TEST_F(SurveyGateTest, TheSameSeedDrawsTheSameSample) {
    config_.nps_sample_percent = 30;
    SeededRandom first_random(9), second_random(9);
    SurveyGate first(config_, first_random), second(config_, second_random);
    for (int visit = 0; visit < 100; ++visit) EXPECT_EQ(first.draw_nps_sample(), second.draw_nps_sample());
}

}  // namespace
}  // namespace kiosk
