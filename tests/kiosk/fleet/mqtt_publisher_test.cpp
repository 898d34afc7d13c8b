// MqttPublisher against a real Mosquitto on loopback (TLS, client certificates required).
#include "kiosk/fleet/mqtt_publisher.hpp"

#include <csignal>

#include "tests/kiosk/fleet/fleet_test_rig.hpp"

namespace kiosk::testing {
namespace {

using Subscriber = MqttTestSubscriber;
using std::chrono::milliseconds;

class MqttPublisherTest : public FleetRig {};

bool connected(const fleet::MqttPublisher& publisher, std::chrono::seconds bound = std::chrono::seconds(20)) {
    const auto until = std::chrono::steady_clock::now() + bound;
    while (std::chrono::steady_clock::now() < until) {
        if (publisher.counts().connected) return true;
        std::this_thread::sleep_for(milliseconds(20));
    }
    return false;
}

TEST_F(MqttPublisherTest, ALateSubscriberSeesTheRetainedStatus) {
    auto terminal = publisher("T0001");
    ASSERT_NE(terminal, nullptr);
    terminal->publish_latest(status("T0001"));
    ASSERT_TRUE(connected(*terminal)) << terminal->last_problem();
    // Only once the status has gone out does the operations centre subscribe.
    for (int turn = 0; turn < 500 && terminal->counts().sent == 0; ++turn) std::this_thread::sleep_for(milliseconds(10));
    ASSERT_GE(terminal->counts().sent, 1U);
    Subscriber centre(broker_->port(), pki_, "centre");
    ASSERT_TRUE(centre.wait_until([](const Subscriber& s) { return s.latest(status_topic("T0001")).has_value(); }));
    const auto seen = *centre.latest(status_topic("T0001"));
    EXPECT_TRUE(seen.retained);
    const auto json = nlohmann::json::parse(seen.payload);
    EXPECT_EQ(json["state"], "in_service");
    EXPECT_EQ(json["terminal"], "T0001");
}

TEST_F(MqttPublisherTest, AnOrderlyStopSaysOfflineStopped) {
    Subscriber centre(broker_->port(), pki_, "centre");
    ASSERT_TRUE(centre.wait_connected());
    auto terminal = publisher("T0002");
    terminal->publish_latest(status("T0002"));
    ASSERT_TRUE(centre.wait_until([](const Subscriber& s) { return s.state(status_topic("T0002")) == "in_service"; }));
    terminal->stop();
    ASSERT_TRUE(centre.wait_until([](const Subscriber& s) { return s.state(status_topic("T0002")) == "offline"; }));
    EXPECT_EQ(nlohmann::json::parse(centre.latest(status_topic("T0002"))->payload)["reason"], "stopped");
}

TEST_F(MqttPublisherTest, TheLastWillAnnouncesAKilledTerminal) {
    Subscriber centre(broker_->port(), pki_, "centre");
    ASSERT_TRUE(centre.wait_connected());
    auto probe = ChildProcess::spawn(KIOSK_FLEET_PROBE,
                                     {std::to_string(broker_->port()), pki_.ca.certificate.string(),
                                      pki_.client.certificate.string(), pki_.client.private_key.string(), "42", "1"},
                                     dir_ / "probe.log");
    ASSERT_TRUE(probe.ok()) << probe.error().to_string();
    ASSERT_TRUE(centre.wait_until([](const Subscriber& s) { return s.state(status_topic("T0042")) == "in_service"; }));
    probe->kill_now();  // SIGKILL: no farewell, no DISCONNECT
    ASSERT_TRUE(centre.wait_until([](const Subscriber& s) { return s.state(status_topic("T0042")) == "offline"; }));
    const auto will = *centre.latest(status_topic("T0042"));
    EXPECT_EQ(nlohmann::json::parse(will.payload)["reason"], "connection_lost");
    // Retained: whoever looks later still sees the terminal dead.
    Subscriber later(broker_->port(), pki_, "later");
    ASSERT_TRUE(later.wait_until([](const Subscriber& s) { return s.state(status_topic("T0042")) == "offline"; }));
    EXPECT_TRUE(later.latest(status_topic("T0042"))->retained);
}

TEST_F(MqttPublisherTest, AClientWithoutACertificateIsRefused) {
    Subscriber with(broker_->port(), pki_, "with-certificate");
    ASSERT_TRUE(with.wait_connected());
    Subscriber without(broker_->port(), pki_, "without-certificate", false);
    // The certified client got in; the other is still out after a generous while.
    EXPECT_FALSE(without.wait_connected(std::chrono::seconds(3)));
    EXPECT_EQ(without.connects(), 0);
}

TEST_F(MqttPublisherTest, ABrokerDownNeverStallsTheCallerAndTheLatestStatusArrivesAfterItsRestart) {
    auto terminal = publisher("T0003");
    terminal->publish_latest(status("T0003"));
    ASSERT_TRUE(connected(*terminal)) << terminal->last_problem();
    broker_->stop();
    for (int turn = 0; turn < 500 && terminal->counts().connected; ++turn) std::this_thread::sleep_for(milliseconds(10));
    EXPECT_FALSE(terminal->counts().connected);

    // While the broker is down: a thousand statuses and alerts handed over. Generous bound only —
    // a call that waited for the network would take seconds (connect backoff, TLS).
    ServiceFitness degraded;
    degraded.receipts = false;
    degraded.problems = {"printer: paper out"};
    const auto started = std::chrono::steady_clock::now();
    int accepted_alerts = 0;
    for (int round = 0; round < 1000; ++round) {
        terminal->publish_latest(status("T0003", round == 999 ? degraded : ServiceFitness{}));
        accepted_alerts += terminal->publish({"kiosk/testbank/T0003/alerts", "{}", false}) ? 1 : 0;
    }
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(1));
    EXPECT_EQ(accepted_alerts, 0);  // dropped: the outbox carries alerts durably
    EXPECT_GE(terminal->counts().dropped, 1000U);

    broker_->start();  // same port; no persistence: it retained nothing across the restart
    ASSERT_TRUE(connected(*terminal, std::chrono::seconds(30))) << terminal->last_problem();
    Subscriber centre(broker_->port(), pki_, "centre");
    ASSERT_TRUE(centre.wait_until([](const Subscriber& s) { return s.state(status_topic("T0003")) == "degraded"; }))
        << "the latest status (degraded) was not sent again after the reconnect";
    EXPECT_GE(terminal->counts().connects, 2U);
}

TEST_F(MqttPublisherTest, UnreadableTlsFilesAreRefusedByName) {
    FleetConfig config = fleet_config();
    config.client_key = dir_ / "missing.key";
    auto started = fleet::MqttPublisher::start(
        fleet::publisher_settings(config, "T0004", fleet::fleet_topics("kiosk", "testbank", "T0004")));
    ASSERT_FALSE(started.ok());
    EXPECT_NE(started.error().message.find("fleet.client_key"), std::string::npos) << started.error().message;
}

}  // namespace
}  // namespace kiosk::testing
