// JourneyLog: screens with their dwell, touches by control, keys by function (never a digit's
// value), errors, faults, timeouts, "more time?" answers and cancels, the task, and where an
// unfinished visit was abandoned.
#include "kiosk/cx/journey_log.hpp"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using ui::ScreenId;
namespace events = flow::events;

class JourneyLogTest : public ::testing::Test {
protected:
    TimePoint at(int ms) const { return start + Millis(ms); }

    TimePoint start{Millis(1'767'607'200'000)};
    JourneyLog log;
};

TEST_F(JourneyLogTest, EachScreenIsAStepClosedWhenTheNextOneIsEntered) {
    log.enter(ScreenId::ReadingCard, at(0));
    log.enter(ScreenId::EnterPin, at(800));
    log.enter(ScreenId::MainMenu, at(5'000));
    log.close(at(7'500));
    ASSERT_EQ(log.steps().size(), 3u);
    EXPECT_EQ(log.steps()[0].left, at(800));
    EXPECT_EQ(log.steps()[1].left, at(5'000));
    EXPECT_EQ(log.steps()[2].left, at(7'500));
    EXPECT_EQ(log.started(), at(0));
    EXPECT_EQ(log.total(), Millis(7'500));
}

TEST_F(JourneyLogTest, TouchesAndKeysNameTheControlAndTheKeysFunctionOnTheScreenShown) {
    log.enter(ScreenId::EnterPin, at(0));
    log.key(PadKey::Digit, at(100));
    log.key(PadKey::Clear, at(200));
    log.key(PadKey::Enter, at(300));
    log.enter(ScreenId::MainMenu, at(400));
    log.touch("withdrawal", at(900));
    ASSERT_EQ(log.events().size(), 4u);
    EXPECT_EQ(log.events()[0].type, JourneyEventType::Key);
    EXPECT_EQ(log.events()[0].control, "digit");
    EXPECT_EQ(log.events()[0].screen, ScreenId::EnterPin);
    EXPECT_EQ(log.events()[1].control, "clear");
    EXPECT_EQ(log.events()[2].control, "enter");
    EXPECT_EQ(log.events()[3].type, JourneyEventType::Touch);
    EXPECT_EQ(log.events()[3].control, "withdrawal");
    EXPECT_EQ(log.events()[3].screen, ScreenId::MainMenu);
}

TEST_F(JourneyLogTest, ErrorsAndDeviceFaultsAreNamedAndCounted) {
    log.enter(ScreenId::Processing, at(0));
    log.observe(events::HostDeclined(host::ResponseCode::InsufficientFunds), at(1));
    log.observe(events::HostDeclined(host::ResponseCode::WrongPin), at(2));
    log.observe(events::AmountNotPayable(flow::AmountRefusal::TooLarge), at(3));
    log.observe(events::DispenseFailed{}, at(4));
    log.observe(events::PrintFailed{}, at(5));
    log.observe(events::HostApproved(std::nullopt), at(6));  // not the journey's business
    ASSERT_EQ(log.events().size(), 5u);
    EXPECT_EQ(log.events()[0].detail, "declined");
    EXPECT_EQ(log.events()[1].detail, "wrong_pin");
    EXPECT_EQ(log.events()[2].detail, "amount_refused");
    EXPECT_EQ(log.events()[3].type, JourneyEventType::DeviceFault);
    EXPECT_EQ(log.events()[3].detail, "dispenser");
    EXPECT_EQ(log.events()[4].detail, "printer");
    EXPECT_EQ(log.error_count(), 5);
    EXPECT_EQ(log.timeout_count(), 0);
}

TEST_F(JourneyLogTest, ATimedOutVisitWasAbandonedOnTheScreenTheMoreTimePromptInterrupted) {
    log.enter(ScreenId::WithdrawalAmount, at(0));
    log.observe(events::Timeout{}, at(30'000));
    log.enter(ScreenId::MoreTime, at(30'000));
    log.observe(events::Timeout{}, at(45'000));
    log.enter(ScreenId::TakeCard, at(45'000));
    EXPECT_EQ(log.timeout_count(), 2);
    EXPECT_EQ(log.abandoned_at(flow::SessionOutcome::TimedOut), ScreenId::WithdrawalAmount);
    EXPECT_EQ(log.abandoned_at(flow::SessionOutcome::Completed), std::nullopt);
}

TEST_F(JourneyLogTest, MoreTimeYesTakesTheAbandonmentBackAndACancelSetsItAgain) {
    log.enter(ScreenId::EnterPin, at(0));
    log.observe(events::Timeout{}, at(1));
    log.enter(ScreenId::MoreTime, at(1));
    log.observe(events::MoreTimeYes{}, at(2));
    log.enter(ScreenId::MainMenu, at(3));
    log.observe(events::Cancel{}, at(4));
    log.enter(ScreenId::TakeCard, at(5));
    ASSERT_EQ(log.events().size(), 3u);
    EXPECT_EQ(log.events()[1].type, JourneyEventType::MoreTime);
    EXPECT_EQ(log.events()[1].detail, "yes");
    EXPECT_EQ(log.events()[2].type, JourneyEventType::Cancel);
    EXPECT_EQ(log.abandoned_at(flow::SessionOutcome::Cancelled), ScreenId::MainMenu);
}

TEST_F(JourneyLogTest, AFailureTheBankCausedIsNoAbandonment) {
    log.enter(ScreenId::Processing, at(0));
    log.observe(events::HostDeclined(host::ResponseCode::InsufficientFunds), at(1));
    EXPECT_EQ(log.abandoned_at(flow::SessionOutcome::Failed), std::nullopt);
    EXPECT_EQ(log.abandoned_at(flow::SessionOutcome::CardRetained), std::nullopt);
}

TEST_F(JourneyLogTest, TheFirstTransactionChosenIsTheTask) {
    EXPECT_EQ(log.task(), "none");
    log.task_chosen(host::TransactionType::MiniStatement);
    log.task_chosen(host::TransactionType::Transfer);
    EXPECT_EQ(log.task(), "statement");
}

// The survey's own timer and the pad's cancel on a survey screen are the survey's: the visit
// neither timed out nor was cancelled there. Its events say it was shown and how it ended.
TEST_F(JourneyLogTest, TheSurveysTimeoutAndCancelAreNotTheVisitsAndItsEventsAreRecorded) {
    log.enter(ScreenId::TakeCard, at(0));
    log.enter(ScreenId::Survey, at(1'000));
    log.survey("shown", at(1'000));
    log.observe(events::Cancel{}, at(2'000));
    log.enter(ScreenId::SurveyNps, at(5'000));
    log.observe(events::Timeout{}, at(11'000));
    log.survey("timed_out", at(11'000));
    EXPECT_EQ(log.timeout_count(), 0);
    EXPECT_EQ(log.abandoned_at(flow::SessionOutcome::Completed), std::nullopt);
    ASSERT_EQ(log.events().size(), 2u);
    EXPECT_EQ(log.events()[0].type, JourneyEventType::Survey);
    EXPECT_EQ(log.events()[0].detail, "shown");
    EXPECT_EQ(log.events()[0].screen, ScreenId::Survey);
    EXPECT_EQ(log.events()[1].detail, "timed_out");
    EXPECT_EQ(to_string(JourneyEventType::Survey), "survey");
    log.enter(ScreenId::MainMenu, at(12'000));  // elsewhere a timeout is the visit's again
    log.observe(events::Timeout{}, at(13'000));
    EXPECT_EQ(log.timeout_count(), 1);
}

// What keeps the survey away: a failure the kiosk or the bank caused, not the customer's own slip.
TEST_F(JourneyLogTest, AFailureIsAFaultOrADeclineNotAWrongPinOrARefusedAmount) {
    log.enter(ScreenId::EnterPin, at(0));
    log.observe(events::HostDeclined(host::ResponseCode::WrongPin), at(100));
    log.observe(events::AmountNotPayable(flow::AmountRefusal::NotMultiple), at(200));
    log.observe(events::PinMismatch{}, at(300));
    EXPECT_FALSE(log.had_failure());
    EXPECT_EQ(log.error_count(), 3);
    JourneyLog declined;
    declined.observe(events::HostDeclined(host::ResponseCode::InsufficientFunds), at(0));
    EXPECT_TRUE(declined.had_failure());
    JourneyLog fault;
    fault.observe(events::PrintFailed{}, at(0));
    EXPECT_TRUE(fault.had_failure());
    JourneyLog host;
    host.observe(events::HostUnavailable{}, at(0));
    EXPECT_TRUE(host.had_failure());
}

}  // namespace
}  // namespace kiosk
