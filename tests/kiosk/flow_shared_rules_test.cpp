// The shared rules are found in the table: the pairs every interactive state has.
#include "kiosk/flow/flow_shared_rules.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "tests/kiosk/flow_diagram_rows.hpp"

namespace kiosk::flow {
namespace {

using E = EventKind;
using S = StateId;

bool is_interactive(S state) {
    const auto states = interactive_states();
    return std::find(states.begin(), states.end(), state) != states.end();
}

TEST(FlowSharedRulesTest, InteractiveStatesAreTheOnesMoreTimeCanReturnTo) {
    EXPECT_EQ(interactive_states().size(), 14U);
    for (const S state : {S::SessionOptions, S::PinEntry, S::MainMenu, S::WithdrawalAmount, S::ShowBalance, S::ReceiptChoice}) {
        EXPECT_TRUE(is_interactive(state)) << to_string(state);
    }
    // ConfirmNewPin resumes at EnterNewPin; the others are machine or closing states.
    for (const S state : {S::ConfirmNewPin, S::Authorizing, S::Dispensing, S::MoreTime, S::Closing, S::Attract}) {
        EXPECT_FALSE(is_interactive(state)) << to_string(state);
    }
}

TEST(FlowSharedRulesTest, SharedRulesAreCancelToClosingAndTimeoutToMoreTime) {
    const auto rules = shared_rules();
    EXPECT_EQ(std::vector<SharedRule>(rules.begin(), rules.end()),
              (std::vector<SharedRule>{{E::Cancel, S::Closing}, {E::Timeout, S::MoreTime}, {E::ReportProblem, S::Closing}}));
}

TEST(FlowSharedRulesTest, OnlyAPlainRowMatchingARuleIsShared) {
    EXPECT_TRUE(is_shared_row(table_row(S::MainMenu, E::Cancel)));
    EXPECT_TRUE(is_shared_row(table_row(S::ConfirmNewPin, E::Timeout)));  // follows the rule too
    EXPECT_FALSE(is_shared_row(table_row(S::ReadingCard, E::Timeout)));   // another target
    EXPECT_FALSE(is_shared_row(table_row(S::Authorizing, E::Timeout, "moves money")));
    EXPECT_FALSE(is_shared_row(table_row(S::MainMenu, E::ChooseBalance)));
}

TEST(FlowSharedRulesTest, AStateFollowsTheRulesItsOwnRowsMatch) {
    EXPECT_EQ(shared_rules_of(S::MainMenu), (std::vector<SharedRule>{{E::Cancel, S::Closing}, {E::Timeout, S::MoreTime},
                                                                      {E::ReportProblem, S::Closing}}));
    // "Another transaction?" times out to Closing, not to "more time?".
    EXPECT_EQ(shared_rules_of(S::AnotherTransaction),
              (std::vector<SharedRule>{{E::Cancel, S::Closing}, {E::ReportProblem, S::Closing}}));
    EXPECT_TRUE(shared_rules_of(S::Dispensing).empty());  // no cancel while notes move
}

}  // namespace
}  // namespace kiosk::flow
