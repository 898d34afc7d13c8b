// The session outcome: one function of the flow's context, recorded under the same names as ever.
#include "kiosk/flow/session_outcome.hpp"

#include <gtest/gtest.h>

namespace kiosk::flow {
namespace {

Context ended(StateId state, std::optional<Reason> reason) {
    Context context;
    context.state = state;
    context.reason = reason;
    return context;
}

TEST(SessionOutcome, FollowsTheCloseReason) {
    EXPECT_EQ(outcome_of(ended(StateId::ThankYou, std::nullopt)), SessionOutcome::Completed);
    EXPECT_EQ(outcome_of(ended(StateId::ThankYou, CloseReason::Cancelled)), SessionOutcome::Cancelled);
    EXPECT_EQ(outcome_of(ended(StateId::ThankYou, CloseReason::TimedOut)), SessionOutcome::TimedOut);
    EXPECT_EQ(outcome_of(ended(StateId::ThankYou, CloseReason::CardUnreadable)), SessionOutcome::Failed);
    EXPECT_EQ(outcome_of(ended(StateId::ThankYou, Reason::declined(host::ResponseCode::ExpiredCard))),
              SessionOutcome::Failed);
    EXPECT_EQ(outcome_of(ended(StateId::ThankYou, CloseReason::CashNotTaken)), SessionOutcome::Failed);
}

TEST(SessionOutcome, ARetainedCardIsRetainedWhateverTheReason) {
    EXPECT_EQ(outcome_of(ended(StateId::CardRetained, CloseReason::PinTriesExceeded)), SessionOutcome::CardRetained);
    EXPECT_EQ(outcome_of(ended(StateId::CardRetained, CloseReason::Cancelled)), SessionOutcome::CardRetained);
    EXPECT_EQ(outcome_of(ended(StateId::CardRetained, std::nullopt)), SessionOutcome::CardRetained);
}

TEST(SessionOutcome, RecordedNamesAreUnchanged) {
    EXPECT_EQ(to_string(SessionOutcome::Completed), "completed");
    EXPECT_EQ(to_string(SessionOutcome::Cancelled), "cancelled");
    EXPECT_EQ(to_string(SessionOutcome::TimedOut), "timed_out");
    EXPECT_EQ(to_string(SessionOutcome::Failed), "failed");
    EXPECT_EQ(to_string(SessionOutcome::CardRetained), "card_retained");
}

}  // namespace
}  // namespace kiosk::flow
