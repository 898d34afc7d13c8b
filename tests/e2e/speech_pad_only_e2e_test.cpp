// Issue 11's "Done when": a blind customer plugs a headset into the jack on the Attract screen —
// nothing else — and speech starts; then a balance inquiry and a withdrawal with PIN-pad keys
// only (the card and the notes are his hands; no touch at all). The speech log (speech.output =
// "wav", one `<screen>: <text>` line per utterance) must hold every screen's title, the balance
// and the amount, and never a digit of his PIN in any form.
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>

#include <gtest/gtest.h>

#include "tests/e2e/pad_only_kiosk.hpp"
#include "ui/i18n.hpp"
#include "ui/screens.hpp"
#include "ui/shown_buttons.hpp"

namespace kiosk::test {
namespace {

class SpeechPadOnlyTest : public PadOnlyKiosk {
protected:
    void SetUp() override {
        start("speech-pad-only");  // the fixture writes the speech to dir_/speech.log
    }

    [[nodiscard]] std::string speech_log() const {
        std::ifstream in(config_.speech.log_path);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }

    // The speech service synthesizes on its own thread, in real time: wait (bounded) until the log
    // holds `text`, and return the log as it then is.
    [[nodiscard]] std::string speech_log_once_it_has(std::string_view text) const {
        std::string said;
        for (int attempt = 0; attempt < 200; ++attempt) {
            said = speech_log();
            if (said.find(text) != std::string::npos) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return said;
    }

    // The screens shown from now on, by name, to check that each one was spoken.
    void remember_screens() {
        runtime().on_screen = [this](const ui::ViewModel& vm) {
            last_screen_ = vm;
            shown_.insert(vm.screen);
            languages_.insert(vm.language);
        };
    }

    std::set<ui::ScreenId> shown_;
    std::set<ui::Language> languages_;
};

TEST_F(SpeechPadOnlyTest, HeadsetOnAttractThenBalanceAndWithdrawalByPadKeysAreSpokenWithoutThePin) {
    const sim::VirtualCard& card = sim::card_deck().front();
    remember_screens();
    ASSERT_EQ(state(), flow::StateId::Attract) << notes_;

    // The headset alone: no key, no touch. The fitness round notices it.
    rig_->sensor_board().set_headset_plugged(true);
    pass(Millis(2'500));
    std::string said = speech_log_once_it_has("attract: ");
    ASSERT_NE(said.find("attract: "), std::string::npos) << said << notes_;
    EXPECT_NE(said.find(std::string(ui::translate(ui::screen_spec(ui::ScreenId::Attract).title_key, ui::Language::English))),
              std::string::npos)
        << said;

    // A balance inquiry, by keys.
    ASSERT_TRUE(rig_->card_reader().insert(card).ok()) << notes_;
    pass(Millis(1'500));
    ASSERT_EQ(state(), flow::StateId::SessionOptions) << notes_;
    press_enter(Millis(500));  // Continue: speech is already on (the headset)
    ASSERT_EQ(state(), flow::StateId::PinEntry) << notes_;
    type(card.pin);
    ASSERT_EQ(state(), flow::StateId::MainMenu) << notes_;
    choose("balance", true);
    ASSERT_EQ(state(), flow::StateId::ShowBalance) << notes_;
    const std::optional<Money> balance = last_screen_.balance;
    ASSERT_TRUE(balance.has_value());
    choose("continue", true);
    if (state() == flow::StateId::ReceiptChoice) choose("receipt_no", true, Millis(500));
    ASSERT_EQ(state(), flow::StateId::AnotherTransaction) << notes_;
    choose("another_yes", true, Millis(500));
    ASSERT_EQ(state(), flow::StateId::MainMenu) << notes_;

    // Then a withdrawal, by keys, with a receipt (Enter: the focus is on Yes).
    choose("withdrawal", true, Millis(500));
    ASSERT_EQ(state(), flow::StateId::WithdrawalAmount) << notes_;
    const std::vector<ui::ShownButton> amounts = ui::shown_buttons(last_screen_);
    std::optional<Money> amount;
    for (const ui::ShownButton& shown : amounts) {
        if (shown.button.action == "amount_0") amount = shown.amount;
    }
    ASSERT_TRUE(amount.has_value());
    choose("amount_0", true, Millis(2'000));
    ASSERT_EQ(state(), flow::StateId::ReturningCard) << notes_;
    ASSERT_TRUE(rig_->card_reader().take_card().ok());
    pass(Millis(2'000));
    ASSERT_EQ(state(), flow::StateId::TakeCash) << notes_;
    ASSERT_TRUE(rig_->cash().take_notes().ok());
    pass(Millis(1'000));
    ASSERT_EQ(state(), flow::StateId::ReceiptChoice) << notes_;
    press_enter(Millis(3'000));
    if (state() == flow::StateId::Survey) press_cancel(Millis(500));
    // The goodbye stays longer while speech is on (timers stretch).
    for (int second = 0; second < 30 && state() != flow::StateId::Attract; ++second) pass(Millis(1'000));
    ASSERT_EQ(state(), flow::StateId::Attract) << notes_;
    ASSERT_TRUE(runtime().wait_for_workers(std::chrono::seconds(10)));

    said = speech_log_once_it_has("thank_you: ");
    ASSERT_EQ(languages_.size(), 1U);
    const ui::Language language = *languages_.begin();
    // Every screen shown was spoken, under its name and with its title: the whole visit's screens
    // (attract, options, PIN, menu, balance, another, amount, card, cash, receipt, goodbye, …).
    EXPECT_GE(shown_.size(), 11U);
    for (const ui::ScreenId screen : shown_) {
        const ui::ScreenSpec& spec = ui::screen_spec(screen);
        EXPECT_NE(said.find(std::string(spec.name) + ": "), std::string::npos) << spec.name << "\n" << said;
        if (!spec.title_from_message) {
            EXPECT_NE(said.find(std::string(ui::translate(spec.title_key, language))), std::string::npos)
                << spec.name << "\n" << said;
        }
    }
    EXPECT_NE(said.find(ui::format_money(*balance, language)), std::string::npos) << said;
    EXPECT_NE(said.find(ui::format_cash(*amount, language)), std::string::npos) << said;
    // Never the PIN: not as typed, not spaced out, not as the digits' run anywhere.
    EXPECT_EQ(said.find(card.pin), std::string::npos) << said;
    std::string spaced;
    for (const char digit : card.pin) spaced += std::string(1, digit) + " ";
    spaced.pop_back();
    EXPECT_EQ(said.find(spaced), std::string::npos) << said;
    EXPECT_EQ(said.find(card.pan), std::string::npos) << said;
}

}  // namespace
}  // namespace kiosk::test
