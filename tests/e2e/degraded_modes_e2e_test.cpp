// Degraded modes end to end (issue 4, "Degraded modes derived from device status"): the whole
// kiosk on the simulator in virtual time, one device spoiled per test through the simulator's
// own fault controls, and what the customer then sees and can do. After each scenario the card
// is back with the customer or in the capture bin.
#include <gtest/gtest.h>

#include "tests/e2e/kiosk_on_simulator.hpp"

namespace kiosk {
namespace {

using flow::StateId;

// Long enough for a fitness round (Runtime::fitness_interval) and the flow's reaction.
constexpr Millis kFitnessRound{Runtime::fitness_interval + Millis(500)};

class DegradedModesE2eTest : public test::KioskOnSimulator {
protected:
    void SetUp() override { start("kiosk-degraded-e2e"); }

    void TearDown() override {
        // The card is never left between customer and machine.
        EXPECT_FALSE(rig_->card_reader().card_inside().has_value()) << notes_;
        KioskOnSimulator::TearDown();
    }

    static const sim::VirtualCard& card() { return sim::card("visa-alice"); }
    void to_menu() { KioskOnSimulator::to_menu(card()); }

    // After a completed transaction the survey comes first: this customer skips it.
    void take_card_home() {
        ASSERT_TRUE(rig_->card_reader().take_card().ok()) << notes_;
        pass(Millis(500));
        skip_survey();
        pass(Millis(5'500));  // thank-you screen, then Attract
    }

    std::optional<bool> button_enabled(std::string_view action) const {
        for (const ui::Button& button : last_screen_.buttons) {
            if (button.action == action) return button.enabled;
        }
        return std::nullopt;
    }
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
    // The key turned to maintenance opens the service mode (docs/technician.md): a technician at
    // work, not a break-in; the door being open is no tamper.
    EXPECT_EQ(state(), StateId::ServiceSignIn);
    EXPECT_NE(last_screen_.message_key, "out_of_service.tamper");
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
    EXPECT_EQ(runtime().context().reason, flow::CloseReason::HostUnavailable);
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
