// Degraded modes end to end (issue 4, "Degraded modes derived from device status"): the whole
// kiosk on the simulator in virtual time, one device spoiled per test through the simulator's
// own fault controls, and what the customer then sees and can do. After each scenario the card
// is back with the customer or in the capture bin.
#include <gtest/gtest.h>

#include <filesystem>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/simulator/simulator_rig.hpp"
#include "security/os_random.hpp"
#include "sim/devices/card_deck.hpp"
#include "sim/virtual_clock.hpp"
#include "ui/offscreen_display.hpp"
#include "tests/e2e/fresh_test_directory.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using flow::StateId;

constexpr Millis kTick{100};
// Long enough for a fitness round (Runtime::fitness_interval) and the flow's reaction.
constexpr Millis kFitnessRound{Runtime::fitness_interval + Millis(500)};

class DegradedModesE2eTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = test::fresh_test_directory("kiosk-degraded-e2e");
        config_.data_dir = dir_ / "data";
        rig_ = std::make_unique<SimulatorRig>(config_, dir_ / "pki", sim::SimInstrumentOptions{}, &clock_);
        display_ = std::make_unique<ui::OffscreenDisplay>(ui::FontPaths::in_directory(config_.font_dir),
                                                          config_.bank_name);
        app_ = std::make_unique<KioskApp>(
            config_, KioskEnvironment{clock_, random_, rig_->devices(), rig_->host_link(), *display_, true});
        runtime().on_screen = [this](const ui::ViewModel& vm) { last_screen_ = vm; };
        runtime().on_note = [this](const std::string& note) { notes_ += note + "\n"; };
        runtime().start();
        pass(Millis(500));
    }

    void TearDown() override {
        // The card is never left between customer and machine.
        EXPECT_FALSE(rig_->card_reader().card_inside().has_value()) << notes_;
        app_.reset();
        rig_.reset();
        fs::remove_all(dir_);
    }

    Runtime& runtime() { return app_->runtime(); }
    StateId state() { return runtime().context().state; }
    static const sim::VirtualCard& card() { return sim::card("visa-alice"); }

    void pass(Millis duration) {
        for (Millis elapsed{0}; elapsed < duration; elapsed += kTick) {
            clock_.advance(kTick);
            runtime().tick();
        }
    }

    void to_menu() {
        ASSERT_TRUE(rig_->card_reader().insert(card()).ok()) << notes_;
        pass(Millis(1'500));
        ASSERT_EQ(state(), StateId::SessionOptions);
        runtime().touch("continue");
        pass(Millis(500));
        ASSERT_EQ(state(), StateId::PinEntry);
        rig_->pin_pad().type_pin(card().pin);
        rig_->pin_pad().press_enter();
        pass(Millis(1'000));
        ASSERT_EQ(state(), StateId::MainMenu);
    }

    void take_card_home() {
        ASSERT_TRUE(rig_->card_reader().take_card().ok()) << notes_;
        pass(Millis(6'000));  // thank-you screen, then Attract
    }

    std::optional<bool> button_enabled(std::string_view action) const {
        for (const ui::Button& button : last_screen_.buttons) {
            if (button.action == action) return button.enabled;
        }
        return std::nullopt;
    }

    fs::path dir_;
    KioskConfig config_;
    sim::VirtualClock clock_;
    security::OsRandom random_;
    std::unique_ptr<SimulatorRig> rig_;
    std::unique_ptr<ui::OffscreenDisplay> display_;
    std::unique_ptr<KioskApp> app_;
    ui::ViewModel last_screen_;
    std::string notes_;
};

TEST_F(DegradedModesE2eTest, TamperTakesTheIdleKioskOutOfServiceUntilATechnicianClearsIt) {
    rig_->sensor_board().set_tamper_switch(true);
    rig_->sensor_board().set_tamper_switch(false);  // closed again, but the latch holds
    pass(kFitnessRound);
    EXPECT_EQ(state(), StateId::OutOfService);
    EXPECT_EQ(last_screen_.screen, ui::ScreenId::OutOfService);
    EXPECT_EQ(last_screen_.message_key, "out_of_service.tamper");
    EXPECT_FALSE(rig_->card_reader().insert(card()).ok()) << "the card slot is closed";
    EXPECT_NE(notes_.find("sensors: tamper switch tripped"), std::string::npos) << notes_;

    ASSERT_TRUE(rig_->sensors().clear_tamper().ok());  // the technician, after inspection
    pass(kFitnessRound);
    EXPECT_EQ(state(), StateId::Attract);
    EXPECT_TRUE(rig_->card_reader().insert(card()).ok()) << "the slot is open again";
    pass(Millis(1'500));
    runtime().touch("cancel");
    pass(Millis(1'000));
    take_card_home();
}

TEST_F(DegradedModesE2eTest, SafeDoorOpenedMidSessionEndsItReturnsTheCardThenStopsService) {
    to_menu();
    rig_->sensor_board().set_safe_door_open(true);  // no operator key: a break-in
    pass(kFitnessRound);
    EXPECT_EQ(state(), StateId::Closing);
    EXPECT_EQ(rig_->card_reader().card_inside(), std::optional<std::string>(card().id));
    EXPECT_EQ(last_screen_.screen, ui::ScreenId::TakeCard);
    take_card_home();
    pass(kFitnessRound);
    EXPECT_EQ(state(), StateId::OutOfService);
    EXPECT_EQ(last_screen_.message_key, "out_of_service.tamper");

    rig_->sensor_board().set_safe_door_open(false);
    pass(kFitnessRound);
    EXPECT_EQ(state(), StateId::Attract);
}

TEST_F(DegradedModesE2eTest, SafeDoorOpenWithTheOperatorKeyIsMaintenanceNotABreakIn) {
    rig_->sensor_board().set_operator_key(true);
    rig_->sensor_board().set_safe_door_open(true);
    pass(kFitnessRound);
    EXPECT_EQ(state(), StateId::Attract);
}

TEST_F(DegradedModesE2eTest, UnpluggedCardReaderLeavesCardlessWithdrawalOnlyUntilReplugged) {
    rig_->card_reader().link().set_disconnected(true);
    pass(kFitnessRound);
    EXPECT_EQ(state(), StateId::Attract) << "cash can still be paid without a card";
    EXPECT_EQ(last_screen_.message_key, "attract.cards_unavailable");
    EXPECT_EQ(button_enabled("cardless"), std::optional<bool>(true));
    EXPECT_NE(notes_.find("card reader: noDevice"), std::string::npos) << notes_;

    rig_->card_reader().link().set_disconnected(false);
    pass(kFitnessRound);
    EXPECT_EQ(state(), StateId::Attract);
    EXPECT_EQ(last_screen_.message_key, "");
    EXPECT_TRUE(rig_->card_reader().insert(card()).ok()) << "the slot is open again";
    pass(Millis(1'500));
    runtime().touch("cancel");
    pass(Millis(1'000));
    take_card_home();
}

TEST_F(DegradedModesE2eTest, NoCardReaderAndNoDispenserTakesTheKioskOutOfService) {
    rig_->card_reader().link().set_disconnected(true);
    rig_->cash().link().set_disconnected(true);
    pass(kFitnessRound);
    EXPECT_EQ(state(), StateId::OutOfService);
    EXPECT_EQ(last_screen_.message_key, "out_of_service.devices");

    rig_->card_reader().link().set_disconnected(false);
    pass(kFitnessRound);
    EXPECT_EQ(state(), StateId::Attract);
}

TEST_F(DegradedModesE2eTest, PrinterOutOfPaperOffersTheReceiptAsAQrCode) {
    rig_->printer().set_paper(drivers::PaperState::out);
    pass(kFitnessRound);
    EXPECT_EQ(state(), StateId::Attract) << "a printer is not a reason to turn customers away";
    to_menu();
    runtime().touch("balance");
    pass(Millis(1'000));
    ASSERT_EQ(state(), StateId::ShowBalance);
    runtime().touch("continue");
    pass(Millis(500));
    ASSERT_EQ(state(), StateId::ReceiptChoice);
    runtime().touch("receipt_yes");
    pass(Millis(500));
    ASSERT_EQ(state(), StateId::ShowReceiptQr);
    EXPECT_EQ(last_screen_.screen, ui::ScreenId::ReceiptQr);
    EXPECT_TRUE(last_screen_.receipt_reference.starts_with("SIM-0001-")) << last_screen_.receipt_reference;
    EXPECT_NE(last_screen_.qr_text.find(last_screen_.receipt_reference), std::string::npos) << last_screen_.qr_text;
    EXPECT_TRUE(last_screen_.qr_text.starts_with("https://"));
    EXPECT_TRUE(rig_->printer().receipts().empty());
    runtime().touch("continue");
    pass(Millis(500));
    ASSERT_EQ(state(), StateId::AnotherTransaction);
    runtime().touch("another_no");
    pass(Millis(500));
    EXPECT_EQ(state(), StateId::Closing);
    take_card_home();
    EXPECT_EQ(state(), StateId::Attract);
}

TEST_F(DegradedModesE2eTest, DispenserDownHidesWithdrawalAndServesBalance) {
    rig_->cash().link().set_disconnected(true);
    pass(kFitnessRound);
    EXPECT_EQ(state(), StateId::Attract);
    EXPECT_EQ(button_enabled("cardless"), std::nullopt) << "no cash, no cardless withdrawal";
    to_menu();
    EXPECT_EQ(last_screen_.screen, ui::ScreenId::MainMenu);
    ASSERT_TRUE(last_screen_.menu.has_value());
    EXPECT_EQ(last_screen_.menu->withdrawal, ui::Offer::Hidden);
    EXPECT_EQ(last_screen_.menu->balance, ui::Offer::Available);
    EXPECT_TRUE(runtime().payable_fast_cash().empty());
    runtime().touch("balance");
    pass(Millis(1'000));
    EXPECT_EQ(state(), StateId::ShowBalance);
    runtime().touch("cancel");
    pass(Millis(500));
    take_card_home();
}

TEST_F(DegradedModesE2eTest, UnreachableHostEndsTheSessionThenOutOfServiceUntilTheEchoAnswers) {
    // The authorization and the first echo find nobody; the second echo gets an answer.
    rig_->bank().inject(sim::HostFault::Unreachable, 2);
    to_menu();
    runtime().touch("balance");
    pass(Millis(1'000));
    EXPECT_EQ(state(), StateId::Closing);
    EXPECT_EQ(runtime().context().message_key, "decline.host_unavailable");
    take_card_home();
    pass(kFitnessRound);
    EXPECT_EQ(state(), StateId::OutOfService);
    EXPECT_EQ(last_screen_.message_key, "out_of_service.host_unreachable");

    pass(Runtime::host_probe_interval);  // first echo: still unreachable
    EXPECT_EQ(state(), StateId::OutOfService) << notes_;
    pass(Runtime::host_probe_interval + kFitnessRound);  // second echo answers
    EXPECT_EQ(state(), StateId::Attract) << notes_;
    EXPECT_NE(notes_.find("host answers the echo test again"), std::string::npos) << notes_;
}

}  // namespace
}  // namespace kiosk
