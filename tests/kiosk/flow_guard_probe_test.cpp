// The contexts a transaction can be in, and which guarded rows they allow.
#include "kiosk/flow/flow_guard_probe.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "tests/kiosk/flow_diagram_rows.hpp"

namespace kiosk::flow {
namespace {

using E = EventKind;
using S = StateId;
using host::TransactionType;

std::vector<Context> after_choosing(E choice) { return contexts_after(table_row(S::MainMenu, choice)); }

TEST(FlowGuardProbeTest, AChosenTransactionIsPendingWithTheCardIn) {
    const std::vector<Context> contexts = after_choosing(E::ChooseWithdrawal);
    ASSERT_FALSE(contexts.empty());
    EXPECT_TRUE(std::all_of(contexts.begin(), contexts.end(), [](const Context& c) {
        return c.pending_transaction == TransactionType::Withdrawal && c.state == S::WithdrawalAmount;
    }));
    // The card is in, and may leave during the transaction (card before cash).
    EXPECT_TRUE(std::any_of(contexts.begin(), contexts.end(), [](const Context& c) { return c.card_in_machine; }));
    EXPECT_TRUE(std::any_of(contexts.begin(), contexts.end(), [](const Context& c) { return !c.card_in_machine; }));
}

TEST(FlowGuardProbeTest, ACardlessSessionNeverHasACard) {
    const std::vector<Context> contexts = contexts_after(table_row(S::Attract, E::ChooseCardless));
    ASSERT_FALSE(contexts.empty());
    EXPECT_TRUE(std::all_of(contexts.begin(), contexts.end(), [](const Context& c) {
        return c.pending_transaction == TransactionType::CardlessWithdrawal && !c.card_in_machine;
    }));
}

TEST(FlowGuardProbeTest, TheGuardsTellTheTransactionsApart) {
    const TransitionRow& balance = table_row(S::Authorizing, E::HostApproved, "balance inquiry");
    EXPECT_TRUE(can_take(balance, after_choosing(E::ChooseBalance)));
    EXPECT_FALSE(can_take(balance, after_choosing(E::ChooseWithdrawal)));
    const TransitionRow& card_first = table_row(S::Authorizing, E::HostApproved, "cash, card first");
    EXPECT_TRUE(can_take(card_first, after_choosing(E::ChooseWithdrawal)));
    EXPECT_FALSE(can_take(card_first, contexts_after(table_row(S::Attract, E::ChooseCardless))));
}

TEST(FlowGuardProbeTest, TheHostsAnswersAndThePinTriesAreTried) {
    const std::vector<Context> contexts = after_choosing(E::ChooseBalance);
    EXPECT_TRUE(can_take(table_row(S::Authorizing, E::HostDeclined, "wrong PIN, tries left"), contexts));
    EXPECT_TRUE(can_take(table_row(S::Authorizing, E::HostDeclined, "PIN tries exhausted"), contexts));
    EXPECT_TRUE(can_take(table_row(S::Authorizing, E::HostDeclined, "other decline"), contexts));
}

TEST(FlowGuardProbeTest, WithoutATransactionOnlyTheFirstPinEntryIsPossible) {
    const std::vector<Context> contexts = contexts_without_transaction();
    EXPECT_TRUE(can_take(table_row(S::PinEntry, E::PinEnter, "first entry"), contexts));
    EXPECT_FALSE(can_take(table_row(S::PinEntry, E::PinEnter, "retry after wrong PIN"), contexts));
    EXPECT_FALSE(can_take(table_row(S::PinEntry, E::PinEnter, "first entry"), after_choosing(E::ChooseBalance)));
}

}  // namespace
}  // namespace kiosk::flow
