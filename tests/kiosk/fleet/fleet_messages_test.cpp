// The fleet messages: topics, the status from the fitness assessment, the will, the alert message.
#include "kiosk/fleet/fleet_messages.hpp"

#include <gtest/gtest.h>

namespace kiosk::fleet {
namespace {

TEST(FleetMessages, TopicsPerTerminal) {
    const FleetTopics topics = fleet_topics("kiosk", "Kiosk_Bank", "SIM-0001");
    EXPECT_EQ(topics.status, "kiosk/Kiosk_Bank/SIM-0001/status");
    EXPECT_EQ(topics.alerts, "kiosk/Kiosk_Bank/SIM-0001/alerts");
    EXPECT_EQ(topics.sqi, "kiosk/Kiosk_Bank/SIM-0001/sqi");
    EXPECT_EQ(topic_level("Kiosk Bank #1/+"), "Kiosk_Bank__1__");
    EXPECT_EQ(topic_level(""), "bank");
}

TEST(FleetMessages, StateFollowsTheFitness) {
    const TimePoint now = from_unix_millis(1'767'600'000'000);
    EXPECT_EQ(to_json(terminal_status("T1", ServiceFitness{}, std::nullopt, {}, "0.1.0", now))["state"], "in_service");
    ServiceFitness degraded;
    degraded.receipts = false;
    degraded.problems = {"printer: paper out"};
    const auto json = to_json(terminal_status("T1", degraded, std::nullopt, {"paper_out"}, "0.1.0", now));
    EXPECT_EQ(json["state"], "degraded");
    EXPECT_EQ(json["reasons"][0], "printer: paper out");
    EXPECT_EQ(json["alerts"][0], "paper_out");
    EXPECT_EQ(json["time_unix_ms"], 1'767'600'000'000);
    ServiceFitness down;
    down.out_of_service = flow::OutOfServiceReason::HostUnreachable;
    EXPECT_EQ(to_json(terminal_status("T1", down, std::nullopt, {}, "0.1.0", now))["state"], "out_of_service");
}

TEST(FleetMessages, DevicesAndPaperFromTheReading) {
    DeviceHealth health;
    health.card_reader.device.state = drivers::DeviceState::online;
    health.pin_pad.device.state = drivers::DeviceState::noDevice;
    health.printer.device.state = drivers::DeviceState::online;
    health.printer.paper = drivers::PaperState::nearEnd;
    const auto json = to_json(terminal_status("T1", assess(health), health, {}, "0.1.0", from_unix_millis(0)));
    EXPECT_EQ(json["devices"]["pin_pad"], "noDevice");
    EXPECT_EQ(json["devices"]["card_reader"], "online");
    EXPECT_EQ(json["paper"], "nearEnd");
    EXPECT_EQ(json["state"], "out_of_service");
    EXPECT_FALSE(json["devices"].contains("dispenser"));  // none fitted
}

TEST(FleetMessages, WillAndAlert) {
    EXPECT_EQ(offline_status("T1", "connection_lost"),
              (nlohmann::json{{"terminal", "T1"}, {"state", "offline"}, {"reason", "connection_lost"}}));
    AlertChange change{AlertTransition::cleared,
                       {"paper_near_end", AlertSeverity::warning, "receipt paper near its end", "replace the roll"},
                       from_unix_millis(1000), from_unix_millis(61'000)};
    const auto json = alert_message("T1", change);
    EXPECT_EQ(json["terminal"], "T1");
    EXPECT_EQ(json["alert"], "paper_near_end");
    EXPECT_EQ(json["state"], "cleared");
    EXPECT_EQ(json["duration_ms"], 60'000);
    EXPECT_EQ(json["suggested_action"], "replace the roll");
}

}  // namespace
}  // namespace kiosk::fleet
