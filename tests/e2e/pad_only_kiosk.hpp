// Scenarios done without touching the screen (docs/ui.md, "Operation from the PIN pad"): the card
// and the cash are the customer's hands, everything else is a key on the simulated PIN pad, chosen
// from the key map of the screen shown (ui/key_map.hpp) as a customer reads the key names drawn
// on it. Derive from PadOnlyKiosk and call withdraw_with_pad_keys(); e.g. a speech scenario adds
// "speech" to `options` and its own checks around it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tests/e2e/kiosk_on_simulator.hpp"
#include "ui/key_map.hpp"

namespace kiosk::test {

class PadOnlyKiosk : public KioskOnSimulator {
protected:
    struct PadWithdrawal {
        const sim::VirtualCard* card = nullptr;
        std::string amount = "amount_0";   // the amount button's action (ui/shown_buttons.hpp)
        std::vector<std::string> options;  // SessionOptions toggles to switch first ("speech", …)
        bool receipt = false;              // Yes (Enter: the focus) or No (its key)
        // Prefer the digit over the function key where a button has both (the speech path reads
        // "press 1 for …"); the middle column of the amount grid has digits only either way.
        bool prefer_digits = false;
    };

    // Presses the key the shown screen names for `action`; fails the test when it names none.
    void choose(std::string_view action, bool prefer_digits = false, Millis then = Millis(1'000)) {
        std::optional<ui::ChoiceKey> chosen;
        for (const ui::KeyBinding& binding : ui::key_bindings(last_screen_)) {
            if (binding.action != action) continue;
            const bool wanted = (binding.key.kind == ui::ChoiceKey::Kind::Digit) == prefer_digits;
            if (!chosen || wanted) chosen = binding.key;
        }
        ASSERT_TRUE(chosen.has_value()) << "no key chooses '" << action << "' on " << screen_name(last_screen_.screen);
        if (chosen->kind == ui::ChoiceKey::Kind::Digit) {
            rig_->pin_pad().press_digit(static_cast<char>('0' + chosen->number));
        } else {
            rig_->pin_pad().press_function(chosen->number);
        }
        pass(then);
    }
    void press_enter(Millis then = Millis(1'000)) {
        rig_->pin_pad().press_enter();
        pass(then);
    }
    void press_cancel(Millis then = Millis(1'000)) {
        rig_->pin_pad().press_cancel();
        pass(then);
    }

    // A withdrawal from the card going in to the goodbye, with no touch at all: card-first
    // order (the default), the survey skipped with Cancel when it is asked.
    void withdraw_with_pad_keys(const PadWithdrawal& visit) {
        ASSERT_NE(visit.card, nullptr);
        ASSERT_TRUE(rig_->card_reader().insert(*visit.card).ok()) << notes_;
        pass(Millis(1'500));
        ASSERT_EQ(state(), flow::StateId::SessionOptions) << notes_;
        for (const std::string& option : visit.options) {
            choose(option, visit.prefer_digits, Millis(500));
            if (::testing::Test::HasFatalFailure()) return;
        }
        press_enter(Millis(500));  // the focus starts on Continue
        ASSERT_EQ(state(), flow::StateId::PinEntry) << notes_;
        type(visit.card->pin);  // on the pad, as always
        ASSERT_EQ(state(), flow::StateId::MainMenu) << notes_;
        choose("withdrawal", visit.prefer_digits, Millis(500));
        if (::testing::Test::HasFatalFailure()) return;
        ASSERT_EQ(state(), flow::StateId::WithdrawalAmount) << notes_;
        choose(visit.amount, visit.prefer_digits, Millis(2'000));
        if (::testing::Test::HasFatalFailure()) return;
        ASSERT_EQ(state(), flow::StateId::ReturningCard) << notes_;
        ASSERT_TRUE(rig_->card_reader().take_card().ok());
        pass(Millis(2'000));
        ASSERT_EQ(state(), flow::StateId::TakeCash) << notes_;
        ASSERT_TRUE(rig_->cash().take_notes().ok());
        pass(Millis(1'000));
        ASSERT_EQ(state(), flow::StateId::ReceiptChoice) << notes_;
        if (visit.receipt) {
            press_enter(Millis(3'000));  // the focus starts on Yes
        } else {
            choose("receipt_no", visit.prefer_digits, Millis(500));
            if (::testing::Test::HasFatalFailure()) return;
        }
        const flow::StateId now = state();
        if (now == flow::StateId::Survey || now == flow::StateId::SurveyReasons || now == flow::StateId::SurveyNps) {
            press_cancel(Millis(500));  // Skip: the survey's way out
        }
        pass(Millis(7'000));
        ASSERT_EQ(state(), flow::StateId::Attract) << notes_;
    }
};

}  // namespace kiosk::test
