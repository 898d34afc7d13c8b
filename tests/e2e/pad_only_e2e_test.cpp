// Operation from the PIN pad alone, end to end on the simulator (issue 11, items 2 and 4): a
// withdrawal where the card and the cash are the only things the customer's hands do besides
// the pad's keys, with function keys and with digits; and the PIN typed on the way never reaches
// the kiosk as digits (the pad is in a PIN mode there, navigation everywhere else).
#include <gtest/gtest.h>

#include "sim/devices/card_deck.hpp"
#include "sim/devices/sim_cash_dispenser.hpp"
#include "tests/e2e/pad_only_kiosk.hpp"

namespace kiosk::test {
namespace {

class PadOnlyE2eTest : public PadOnlyKiosk {
protected:
    void SetUp() override { start("kiosk-pad-only"); }
};

TEST_F(PadOnlyE2eTest, AWithdrawalWithFunctionKeysOnlyPaysAndSaysGoodbye) {
    auto notes_in_cassettes = [this] {
        std::uint32_t notes = 0;
        for (const sim::SimCassette& cassette : rig_->cash().cassettes()) notes += cassette.count;
        return notes;
    };
    const std::uint32_t notes_before = notes_in_cassettes();
    PadWithdrawal visit;
    visit.card = &sim::card("mc-chen");
    withdraw_with_pad_keys(visit);
    if (HasFatalFailure()) return;
    EXPECT_LT(notes_in_cassettes(), notes_before) << "notes were paid out";
    EXPECT_EQ(runtime().stale_keys_dropped(), 0u) << notes_;
    EXPECT_TRUE(rig_->pin_pad().navigating()) << "back in Attract, the pad reports keys for choosing";
}

TEST_F(PadOnlyE2eTest, AWithdrawalWithDigitsAndAReceiptFromEnter) {
    PadWithdrawal visit;
    visit.card = &sim::card("visa-alice");
    visit.prefer_digits = true;
    visit.amount = "amount_1";  // the grid's middle column: a digit only
    visit.receipt = true;
    withdraw_with_pad_keys(visit);
    if (HasFatalFailure()) return;
    EXPECT_EQ(rig_->printer().receipt_count(), 1u) << notes_;
}

TEST_F(PadOnlyE2eTest, ThePinPadIsNeverNavigatingWhileThePinIsTyped) {
    ASSERT_TRUE(rig_->card_reader().insert(sim::card("visa-alice")).ok());
    pass(Millis(1'500));
    EXPECT_TRUE(rig_->pin_pad().navigating()) << "the options screen: keys choose";
    press_enter(Millis(500));
    ASSERT_EQ(state(), flow::StateId::PinEntry) << notes_;
    EXPECT_FALSE(rig_->pin_pad().navigating()) << "the PIN screen: a PIN mode, digits never leave the pad";
    rig_->pin_pad().press_digit('1');
    pass(Millis(300));
    EXPECT_EQ(last_screen_.pin_digits_entered, 1) << "a dot, and only a dot";
    EXPECT_EQ(runtime().context().state, flow::StateId::PinEntry);
}

}  // namespace
}  // namespace kiosk::test
