// SimControl from code: playing the customer and reading every device's status through its driver.
// Wrong input is refused with a message that names it, and nothing is half done.
#include "sim/control/sim_control.hpp"

#include <gtest/gtest.h>

#include "sim/control/control_dispatch.hpp"
#include "sim/control/control_mailbox.hpp"
#include "sim/control/control_protocol.hpp"
#include "sim/devices/card_deck.hpp"
#include "tests/sim/control/sim_bench.hpp"

namespace kiosk::sim {
namespace {

using test::SimBench;

TEST(SimControl, StatusListsEveryDeviceThroughItsDriver) {
    SimBench bench;
    SimControl control(bench.sims(), bench.drivers());
    const auto reports = control.status();
    ASSERT_EQ(reports.size(), 5u);
    const std::vector<std::string> names{"card-reader", "pin-pad", "printer", "dispenser", "sensors"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        EXPECT_EQ(reports[i].device, names[i]);
        EXPECT_EQ(reports[i].status.state, drivers::DeviceState::online) << names[i];
    }
    EXPECT_EQ(reports[0].details[1], (std::pair<std::string, std::string>{"capture bin", "0/5"}));
    ASSERT_TRUE(control.fault("printer", "unplugged", FaultMode::always).ok());
    EXPECT_EQ(control.status()[2].status.state, drivers::DeviceState::noDevice);
}

TEST(SimControl, InsertsADeckCardAndNamesTheDeckForAnUnknownOne) {
    SimBench bench;
    SimControl control(bench.sims(), bench.drivers());
    ASSERT_TRUE(bench.card_reader.enable_insertion(true).ok());
    const Status unknown = control.insert_card("platinum-zed");
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().message.find("no deck card 'platinum-zed'"), std::string::npos);
    EXPECT_NE(unknown.error().message.find("visa-alice"), std::string::npos);
    ASSERT_TRUE(control.insert_card("mc-chen").ok());
    EXPECT_EQ(bench.card_reader_sim.card_inside(), std::optional<std::string>("mc-chen"));
    EXPECT_FALSE(control.take_card().ok());  // still inside, not at the gate
    ASSERT_TRUE(bench.card_reader.eject().ok());
    EXPECT_TRUE(control.take_card().ok());
}

TEST(SimControl, PressChecksEveryWordBeforePressingAny) {
    SimBench bench;
    SimControl control(bench.sims(), bench.drivers());
    ASSERT_TRUE(bench.pin_pad.begin_pin_entry({4, 12, sim::card("visa-alice").pan}).ok());
    auto refused = control.press("12 34 enterr");
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("key word 3"), std::string::npos) << refused.error().message;
    EXPECT_EQ(bench.pin_pad_sim.digits_entered(), 0u);
    EXPECT_FALSE(control.press("  ").ok());

    auto pressed = control.press("12,34 Enter");
    ASSERT_TRUE(pressed.ok());
    EXPECT_EQ(*pressed, 5u);
    auto events = bench.pin_pad.poll();
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 6u);  // four digits, enter, entry complete
    EXPECT_EQ(events->back().kind, drivers::PinPadEvent::Kind::entryComplete);
}

// The headset jack and the audio keys (docs/ui.md § Speech), from code and as control requests.
TEST(SimControl, PlugsTheHeadsetAndPressesTheAudioKeysInAnyState) {
    SimBench bench;
    SimControl control(bench.sims(), bench.drivers());
    ASSERT_TRUE(execute(control, *parse_control_request(R"({"command":"headset","plugged":true})"))["ok"].get<bool>());
    EXPECT_TRUE(bench.sensors.read()->headset_plugged);
    EXPECT_EQ(control.status()[4].details.back(), (std::pair<std::string, std::string>{"headset", "yes"}));
    ASSERT_TRUE(control.set_headset(false).ok());
    EXPECT_FALSE(bench.sensors.read()->headset_plugged);
    EXPECT_FALSE(parse_control_request(R"({"command":"headset","plugged":"yes"})").ok());
    EXPECT_EQ(to_json(*parse_control_request(R"({"command":"headset","plugged":true})"))["plugged"], true);

    auto pressed = control.press("repeat volume-up volume-down");  // no entry running
    ASSERT_TRUE(pressed.ok()) << pressed.error().message;
    EXPECT_EQ(*pressed, 3u);
    auto events = bench.pin_pad.poll();
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 3u);
    EXPECT_EQ((*events)[0].key, drivers::PinKey::audio_repeat);
    EXPECT_EQ((*events)[1].key, drivers::PinKey::audio_volume_up);
    EXPECT_EQ((*events)[2].key, drivers::PinKey::audio_volume_down);
}

TEST(SimControl, TakesCashAndReceipts) {
    SimBench bench;
    SimControl control(bench.sims(), bench.drivers());
    EXPECT_FALSE(control.take_cash().ok());
    EXPECT_FALSE(control.take_receipt().ok());
    ASSERT_TRUE(bench.dispenser.dispense({{1, 1}, 2}).ok());
    ASSERT_TRUE(bench.dispenser.present().ok());
    auto cash = control.take_cash();
    ASSERT_TRUE(cash.ok());
    EXPECT_EQ(*cash, 15000);
    ASSERT_TRUE(bench.printer.print(test::receipt_of(2)).ok());
    auto receipt = control.take_receipt();
    ASSERT_TRUE(receipt.ok());
    EXPECT_EQ(*receipt, "line 1\nline 2");
    EXPECT_FALSE(control.take_receipt().ok());  // taken already
}

TEST(SimControl, ARigWithoutADispenserSaysSo) {
    SimBench bench;
    SimDeviceSet sims = bench.sims();
    sims.dispenser = nullptr;
    SimControl control(sims, DriverSet{});
    auto cash = control.take_cash();
    ASSERT_FALSE(cash.ok());
    EXPECT_EQ(cash.error().message, "this simulator has no dispenser");
    EXPECT_TRUE(control.status().empty());
}

TEST(ControlMailbox, RunsJobsOnThePumpingThreadAndCancelsAbandonedOnes) {
    ControlMailbox mailbox;
    auto abandoned = mailbox.call([] { return nlohmann::json{{"ran", true}}; }, Millis{1});
    ASSERT_FALSE(abandoned.ok());
    EXPECT_NE(abandoned.error().message.find("did not take the request"), std::string::npos);
    EXPECT_EQ(mailbox.pump(), 0u);  // cancelled: never run late
}

}  // namespace
}  // namespace kiosk::sim
