// Which alert conditions hold for a reading: each with an id, a severity, its cause and an action.
#include "kiosk/health/health_conditions.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "kiosk/health/screen_error_window.hpp"

namespace kiosk {
namespace {

using drivers::CassetteState;
using drivers::DeviceState;

DeviceHealth all_well() {
    DeviceHealth health;
    health.card_reader.device.state = DeviceState::online;
    health.card_reader.bin = {0, 50};
    health.pin_pad.device.state = DeviceState::online;
    health.printer.device.state = DeviceState::online;
    health.printer.paper = drivers::PaperState::ok;
    drivers::DispenserStatus dispenser;
    dispenser.device.state = DeviceState::online;
    dispenser.cassettes = {{"CNY", 10000, 200, 20, CassetteState::ok}, {"CNY", 5000, 200, 20, CassetteState::ok}};
    health.dispenser = dispenser;
    return health;
}

std::vector<Alert> conditions_for(const DeviceHealth& health) {
    HealthInputs inputs;
    inputs.devices = &health;
    inputs.fitness = assess(health);
    return current_conditions(inputs);
}

const Alert* find(const std::vector<Alert>& alerts, const std::string& id) {
    auto it = std::find_if(alerts.begin(), alerts.end(), [&](const Alert& alert) { return alert.id == id; });
    return it == alerts.end() ? nullptr : &*it;
}

TEST(HealthConditions, AllWellIsNoAlert) { EXPECT_TRUE(conditions_for(all_well()).empty()); }

TEST(HealthConditions, PaperNearEndAndOut) {
    DeviceHealth health = all_well();
    health.printer.paper = drivers::PaperState::nearEnd;
    const auto near = conditions_for(health);
    ASSERT_EQ(near.size(), 1U);
    EXPECT_EQ(near[0].id, "paper_near_end");
    EXPECT_EQ(near[0].severity, AlertSeverity::warning);
    EXPECT_FALSE(near[0].suggested_action.empty());
    health.printer.paper = drivers::PaperState::out;
    const auto out = conditions_for(health);
    ASSERT_NE(find(out, "paper_out"), nullptr);
    EXPECT_EQ(find(out, "paper_out")->severity, AlertSeverity::degraded);
    EXPECT_EQ(find(out, "paper_near_end"), nullptr);
}

TEST(HealthConditions, CassettesLowEmptyAndManipulatedNameTheCassette) {
    DeviceHealth health = all_well();
    health.dispenser->cassettes[0].state = CassetteState::low;
    health.dispenser->cassettes[0].count = 15;
    health.dispenser->cassettes[1].state = CassetteState::empty;
    const auto alerts = conditions_for(health);
    ASSERT_NE(find(alerts, "cassette_low.0"), nullptr);
    EXPECT_NE(find(alerts, "cassette_low.0")->cause.find("CNY 100.00"), std::string::npos);
    EXPECT_NE(find(alerts, "cassette_low.0")->cause.find("15 notes"), std::string::npos);
    ASSERT_NE(find(alerts, "cassette_empty.1"), nullptr);
    health.dispenser->cassettes[1].state = CassetteState::manipulated;
    EXPECT_EQ(find(conditions_for(health), "cassette_fault.1")->severity, AlertSeverity::critical);
}

TEST(HealthConditions, CaptureBinNearlyFullThenFull) {
    DeviceHealth health = all_well();
    health.card_reader.bin = {44, 50};
    EXPECT_TRUE(conditions_for(health).empty());
    health.card_reader.bin = {45, 50};  // margin 5
    ASSERT_NE(find(conditions_for(health), "capture_bin_nearly_full"), nullptr);
    health.card_reader.bin = {50, 50};
    const auto full = conditions_for(health);
    ASSERT_NE(find(full, "capture_bin_full"), nullptr);
    EXPECT_EQ(find(full, "capture_bin_nearly_full"), nullptr);
}

TEST(HealthConditions, DeviceDownAndOutOfService) {
    DeviceHealth health = all_well();
    health.pin_pad.device = {DeviceState::noDevice, std::nullopt};
    const auto alerts = conditions_for(health);
    ASSERT_NE(find(alerts, "device.pin_pad"), nullptr);
    EXPECT_NE(find(alerts, "device.pin_pad")->suggested_action.find("cable"), std::string::npos);
    ASSERT_NE(find(alerts, "out_of_service"), nullptr);
    EXPECT_EQ(find(alerts, "out_of_service")->severity, AlertSeverity::critical);
    EXPECT_NE(find(alerts, "out_of_service")->cause.find("devices"), std::string::npos);
}

TEST(HealthConditions, OutboxCertificatesScreenErrorsAndOperatorKey) {
    HealthInputs inputs;
    inputs.outbox = store::OutboxFill{8200, 0, 82.0, true};
    inputs.certificate_notices = {"host client certificate expires in 12 days"};
    inputs.screen_errors = {{"pin_entry", 6, Millis(3'600'000)}};
    inputs.operator_key_held = Millis(29 * 60 * 1000);
    auto alerts = current_conditions(inputs);
    ASSERT_NE(find(alerts, "outbox_backlog"), nullptr);
    EXPECT_NE(find(alerts, "outbox_backlog")->cause.find("82%"), std::string::npos);
    ASSERT_NE(find(alerts, "certificate_expiry"), nullptr);
    ASSERT_NE(find(alerts, "screen_errors.pin_entry"), nullptr);
    EXPECT_NE(find(alerts, "screen_errors.pin_entry")->cause.find("6 customer errors"), std::string::npos);
    EXPECT_EQ(find(alerts, "operator_key_left"), nullptr);  // under 30 minutes
    inputs.operator_key_held = Millis(31 * 60 * 1000);
    inputs.outbox->alarm = false;
    alerts = current_conditions(inputs);
    EXPECT_NE(find(alerts, "operator_key_left"), nullptr);
    EXPECT_EQ(find(alerts, "outbox_backlog"), nullptr);
}

// Speech guidance that could not start: blind customers cannot be guided; everyone else is served.
TEST(HealthConditions, SpeechThatCannotStartIsADegradedAlert) {
    HealthInputs inputs;
    EXPECT_EQ(find(current_conditions(inputs), "speech_unavailable"), nullptr);
    inputs.speech_problem = "speech engine did not start: espeak-ng data directory /x does not exist";
    const auto alerts = current_conditions(inputs);
    const Alert* speech = find(alerts, "speech_unavailable");
    ASSERT_NE(speech, nullptr);
    EXPECT_EQ(speech->severity, AlertSeverity::degraded);
    EXPECT_NE(speech->cause.find("/x does not exist"), std::string::npos);
    EXPECT_NE(speech->suggested_action.find("espeak-ng-data"), std::string::npos);
}

TEST(ScreenErrorWindow, CountsPerScreenWithinTheWindow) {
    ScreenErrorWindow window(Millis(60'000), 3);
    const TimePoint start = from_unix_millis(1'767'600'000'000);
    window.add("pin_entry", start);
    window.add("pin_entry", start + Millis(10'000));
    window.add("main_menu", start + Millis(10'000));
    EXPECT_TRUE(window.bursts(start + Millis(20'000)).empty());
    window.add("pin_entry", start + Millis(30'000));
    auto bursts = window.bursts(start + Millis(30'000));
    ASSERT_EQ(bursts.size(), 1U);
    EXPECT_EQ(bursts[0].screen, "pin_entry");
    EXPECT_EQ(bursts[0].errors, 3);
    EXPECT_TRUE(window.bursts(start + Millis(61'000)).empty());  // the first has left the window
}

}  // namespace
}  // namespace kiosk
