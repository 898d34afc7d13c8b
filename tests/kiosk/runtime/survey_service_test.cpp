// SurveyService over the fake sink: the offer follows the gate as the visit goes on, the store is
// asked once a visit and only when every other rule holds, a store that cannot answer means "not
// asked", and a shown survey is recorded with its time and the journey's events.
#include "kiosk/runtime/survey_service.hpp"

#include <gtest/gtest.h>

#include "tests/kiosk/runtime/runtime_fakes.hpp"

namespace kiosk::test {
namespace {

class SurveyServiceTest : public ::testing::Test {
protected:
    SurveyServiceTest() {
        session_.number = 1;
        session_.pan_token = "token-1";
        session_.journey.enter(ui::ScreenId::ReadingCard, loop_.clock.now());
        context_.state = flow::StateId::Closing;
    }

    LoopHarness loop_;
    SurveyConfig config_;
    SeededRandom random_{5};
    SurveyGate gate_{config_, random_};
    SurveyService survey_{loop_.ports(), gate_};
    // The same card back for another visit: a new journey, from now.
    void next_visit() {
        survey_.end_visit();
        session_.journey = JourneyLog{};
        session_.journey.enter(ui::ScreenId::ReadingCard, loop_.clock.now());
        survey_.transaction_answered(true);
    }

    Session session_;
    flow::Context context_;
};

TEST_F(SurveyServiceTest, OfferedOnlyAfterAnApprovalAndNotOnceTheCardWasAskedWithinThePeriod) {
    EXPECT_EQ(survey_.offer(session_, context_), std::nullopt);  // nothing approved yet
    survey_.transaction_answered(false);
    EXPECT_EQ(survey_.offer(session_, context_), std::nullopt);  // a decline
    survey_.transaction_answered(true);
    EXPECT_TRUE(survey_.offer(session_, context_).has_value());
    context_.reason = flow::CloseReason::Cancelled;
    EXPECT_EQ(survey_.offer(session_, context_), std::nullopt);  // not a completed visit
    context_.reason.reset();
    session_.problem_reported = true;
    EXPECT_EQ(survey_.offer(session_, context_), std::nullopt);
    session_.problem_reported = false;

    survey_.shown(session_);
    loop_.clock.advance(Millis(4'000));
    flow::SurveyAnswers answers;
    answers.csat = 5;
    answers.status = flow::SurveyStatus::Answered;
    survey_.record(session_, answers, ui::Language::English);
    ASSERT_EQ(loop_.sink.surveys.size(), 1U);
    EXPECT_EQ(loop_.sink.surveys[0].duration, Millis(4'000));
    EXPECT_EQ(loop_.sink.surveys[0].answers, answers);
    ASSERT_EQ(session_.journey.events().size(), 2U);
    EXPECT_EQ(session_.journey.events()[0].detail, "shown");
    EXPECT_EQ(session_.journey.events()[1].detail, "answered");

    loop_.clock.advance(std::chrono::hours(24));
    next_visit();  // a day later: asked within the period
    EXPECT_EQ(survey_.offer(session_, context_), std::nullopt);
    loop_.clock.advance(config_.period);
    next_visit();  // and after it
    EXPECT_TRUE(survey_.offer(session_, context_).has_value());
}

TEST_F(SurveyServiceTest, AStoreThatCannotSayWhenTheCardWasAskedMeansNotAsked) {
    survey_.transaction_answered(true);
    loop_.sink.answer = make_error("store", "database is locked");
    EXPECT_EQ(survey_.offer(session_, context_), std::nullopt);
    ASSERT_FALSE(loop_.notes.empty());
    EXPECT_NE(loop_.notes[0].find("database is locked"), std::string::npos);
}

TEST_F(SurveyServiceTest, TheNpsSampleIsDrawnOnceAVisitAndKeptForIt) {
    SurveyConfig half = config_;
    half.nps_sample_percent = 50;
    SurveyGate gate(half, random_);
    SurveyService survey(loop_.ports(), gate);
    int sampled_visits = 0;
    for (int visit = 0; visit < 40; ++visit) {
        survey.end_visit();
        survey.transaction_answered(true);
        loop_.sink.last_asked.clear();  // another card each time
        const auto first = survey.offer(session_, context_);
        ASSERT_TRUE(first.has_value());
        for (int step = 0; step < 5; ++step) EXPECT_EQ(survey.offer(session_, context_), first);  // kept for the visit
        sampled_visits += first->nps ? 1 : 0;
    }
    EXPECT_GT(sampled_visits, 0);   // drawn per visit: some in the sample,
    EXPECT_LT(sampled_visits, 40);  // some not
}

TEST_F(SurveyServiceTest, ACustomerInAHurryIsNotAsked) {
    survey_.transaction_answered(true);
    loop_.clock.advance(config_.skip_when_longer_than + Millis(1));
    EXPECT_EQ(survey_.offer(session_, context_), std::nullopt);
}

}  // namespace
}  // namespace kiosk::test
