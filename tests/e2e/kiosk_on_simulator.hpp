// The whole kiosk on the simulator for an e2e test: the rig (simulated devices, bank over
// ISO 8583/TLS, CRM), an offscreen display and the app over a fresh data directory, driven in
// virtual time. Scenario fixtures derive from it and add only what their scenarios need.
// Set KIOSK_E2E_SCREENS=<dir> to keep a PNG of every screen shown (for looking at them).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/simulator/simulator_rig.hpp"
#include "kiosk/runtime/screen_names.hpp"
#include "kiosk/runtime/settled_turn.hpp"
#include "security/os_random.hpp"
#include "sim/devices/card_deck.hpp"
#include "sim/virtual_clock.hpp"
#include "tests/e2e/fresh_test_directory.hpp"
#include "ui/offscreen_display.hpp"

namespace kiosk::test {

class KioskOnSimulator : public ::testing::Test {
protected:
    static constexpr Millis kTick{100};

    // `prefix` names the temporary directory; `adjust` may change the config before the start.
    void start(std::string_view prefix) {
        dir_ = fresh_test_directory(prefix);
        config_.data_dir = dir_ / "data";
        // Speech to files in the test's directory, never the machine's sound card.
        config_.speech.output = SpeechOutputKind::Wav;
        config_.speech.wav_path = dir_ / "speech.wav";
        config_.speech.log_path = dir_ / "speech.log";
        rig_ = std::make_unique<SimulatorRig>(config_, dir_ / "pki", sim::SimInstrumentOptions{}, &clock_);
        display_ = std::make_unique<ui::OffscreenDisplay>(ui::FontPaths::in_directory(config_.font_dir),
                                                          config_.bank_name);
        start_app();
    }

    // A (re)start of the kiosk process over the same data directory and devices.
    void start_app() {
        app_.reset();
        app_ = std::make_unique<KioskApp>(
            config_, KioskEnvironment{clock_, random_, devices(), rig_->host_link(), *display_, true});
        runtime().on_screen = [this](const ui::ViewModel& vm) { on_screen(vm); };
        runtime().on_note = [this](const std::string& note) { notes_ += note + "\n"; };
        if (deck_profiles_) rig_->serve_profiles(runtime(), app_->tokenizer());
        runtime().start();
        pass(Millis(500));
    }

    void TearDown() override {
        app_.reset();
        rig_.reset();
        std::filesystem::remove_all(dir_);
    }

    // The devices the kiosk is given; a scenario may put a faulty one in front of a simulated one.
    virtual Devices devices() { return rig_->devices(); }

    Runtime& runtime() { return app_->runtime(); }
    flow::StateId state() { return runtime().context().state; }

    void pass(Millis duration) {
        for (Millis elapsed{0}; elapsed < duration; elapsed += kTick) {
            clock_.advance(kTick);
            settled_turn(runtime());
        }
    }
    void touch(std::string_view action, Millis then = Millis(1'000)) {
        runtime().touch(action);
        pass(then);
    }
    // Digits typed on the PIN pad (a PIN, or clear digits in a data entry), then ENTER.
    void type(std::string_view digits, Millis then = Millis(1'000)) {
        rig_->pin_pad().type_pin(digits);
        pass(then);
    }
    // Card in, session options accepted, PIN typed: the main menu.
    void to_menu(const sim::VirtualCard& card) {
        ASSERT_TRUE(rig_->card_reader().insert(card).ok()) << notes_;
        pass(Millis(1'500));
        ASSERT_EQ(state(), flow::StateId::SessionOptions) << notes_;
        touch("continue", Millis(500));
        type(card.pin);
        ASSERT_EQ(state(), flow::StateId::MainMenu) << notes_;
    }

    // The post-transaction survey the gate asks at the end of a completed visit: Skip, one touch.
    // False (and nothing touched) when no survey screen is shown.
    bool skip_survey(Millis then = Millis(500)) {
        const flow::StateId now = state();
        if (now != flow::StateId::Survey && now != flow::StateId::SurveyReasons && now != flow::StateId::SurveyNps) {
            return false;
        }
        touch("survey_skip", then);
        return true;
    }

    // Personalization from the card deck; false: from config_.crm.profiles_url (the simulated CRM's
    // profiles, complaint statuses included), as the terminal asks its CRM.
    bool deck_profiles_ = true;
    KioskConfig config_;
    sim::VirtualClock clock_;
    security::OsRandom random_;
    std::filesystem::path dir_;
    std::unique_ptr<SimulatorRig> rig_;
    std::unique_ptr<ui::OffscreenDisplay> display_;
    std::unique_ptr<KioskApp> app_;
    ui::ViewModel last_screen_;
    std::string notes_;

private:
    void on_screen(const ui::ViewModel& vm) {
        last_screen_ = vm;
        static const char* keep = std::getenv("KIOSK_E2E_SCREENS");
        if (keep == nullptr) return;
        const std::string name = std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
                                 std::to_string(++screens_) + "-" + std::string(screen_name(vm.screen)) + ".png";
        std::filesystem::create_directories(keep);
        (void)display_->save_png(std::filesystem::path(keep) / name);
    }
    int screens_ = 0;
};

}  // namespace kiosk::test
