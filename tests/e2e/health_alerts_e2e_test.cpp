// Health alerts home, the whole way: the simulated printer's paper-near-end sensor flaps, the
// kiosk's fitness rounds see it, the HealthWatch raises and clears `alert` records (one per
// episode, kiosk/health/alert_monitor.hpp), the uploader delivers them and the simulated CRM
// opens them. And the same kiosk with [fleet] set publishes its status and the alerts to a real
// Mosquitto on loopback.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/e2e/crm_opened_check.hpp"
#include "tests/e2e/kiosk_on_simulator.hpp"
#include "tests/kiosk/fleet/mosquitto_broker.hpp"
#include "tests/kiosk/fleet/mqtt_test_subscriber.hpp"

namespace kiosk::test {
namespace {

constexpr Millis kHold{30'000};

class HealthAlertsE2e : public KioskOnSimulator {
protected:
    void SetUp() override {
        config_.alerts.clear_hold = kHold;
    }

    // Paper near its end for `near`, then back to a full roll for `ok`.
    void flap(Millis near, Millis ok) {
        rig_->printer().set_paper(drivers::PaperState::nearEnd);
        pass(near);
        rig_->printer().load_paper();
        pass(ok);
    }

    void deliver_everything() {
        for (int round = 0; round < 20 && app_->uploader().upload_once().sent > 0; ++round) {
        }
    }

    // The paper alerts the CRM opened, as (state) in order of creation.
    std::vector<std::string> paper_alerts_at_crm() {
        std::vector<std::pair<std::int64_t, std::string>> found;
        for (const sim::OpenedCrmRecord& record : rig_->crm().opened_records()) {
            if (record.kind != "alert") continue;
            const auto payload = nlohmann::json::parse(record.payload_json);
            if (payload["alert"] != "paper_near_end") continue;
            EXPECT_EQ(payload["severity"], "warning");
            EXPECT_FALSE(payload["suggested_action"].get<std::string>().empty());
            found.emplace_back(record.created_unix_ms, payload["state"].get<std::string>());
        }
        std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<std::string> states;
        for (const auto& [at, state] : found) states.push_back(state);
        return states;
    }
};

TEST_F(HealthAlertsE2e, TwentyQuickFlapsOfPaperLowAreOneAlertAtTheCrm) {
    start("kiosk-alert-flaps");
    for (int flap_number = 0; flap_number < 20; ++flap_number) flap(Millis(4'000), Millis(6'000));  // back within the hold
    pass(kHold + Millis(4'000));  // then clear for longer than the hold: the episode ends
    deliver_everything();
    EXPECT_EQ(paper_alerts_at_crm(), (std::vector<std::string>{"raised", "cleared"})) << notes_;
    expect_crm_opened_every_record(rig_->crm(), app_->cx().committed_record_ids());
}

TEST_F(HealthAlertsE2e, TwentyFlapsSpacedBeyondTheHoldAreTwentyAlerts) {
    start("kiosk-alert-spaced");
    for (int flap_number = 0; flap_number < 20; ++flap_number) flap(Millis(4'000), kHold + Millis(4'000));
    deliver_everything();
    std::vector<std::string> expected;
    for (int episode = 0; episode < 20; ++episode) {
        expected.push_back("raised");
        expected.push_back("cleared");
    }
    EXPECT_EQ(paper_alerts_at_crm(), expected) << notes_;
    expect_crm_opened_every_record(rig_->crm(), app_->cx().committed_record_ids());
}

TEST_F(HealthAlertsE2e, TheKioskPublishesItsStatusAndAlertsToTheBroker) {
    const auto pki_dir = fresh_test_directory("kiosk-alert-broker");
    SeededRandom serials(11);
    const TimePoint real_now = SystemClock().now();
    auto pki = sim::generate_test_pki(pki_dir / "pki", {sim::valid_around(real_now), sim::valid_around(real_now), true},
                                      serials);
    ASSERT_TRUE(pki.ok()) << pki.error().to_string();
    testing::MosquittoBroker broker(pki_dir, *pki);
    testing::MqttTestSubscriber centre(broker.port(), *pki, "operations-centre");
    ASSERT_TRUE(centre.wait_connected());
    config_.fleet.mqtt_host = "127.0.0.1";
    config_.fleet.mqtt_port = broker.port();
    config_.fleet.ca_file = pki->ca.certificate;
    config_.fleet.client_cert = pki->client.certificate;
    config_.fleet.client_key = pki->client.private_key;
    config_.fleet.bank = "testbank";
    start("kiosk-alert-fleet");
    const std::string base = "kiosk/testbank/" + config_.kiosk_id + "/";

    // The fitness rounds run on the virtual clock; the broker answers in real time.
    auto until = [&](const std::function<bool(const testing::MqttTestSubscriber&)>& holds) {
        for (int turn = 0; turn < 200; ++turn) {
            if (centre.wait_until(holds, std::chrono::milliseconds(50))) return true;
            pass(Millis(2'000));
        }
        return false;
    };
    ASSERT_TRUE(until([&](const auto& s) { return s.state(base + "status") == "in_service"; })) << notes_;
    const auto status = nlohmann::json::parse(centre.latest(base + "status")->payload);
    EXPECT_EQ(status["devices"]["printer"], "online");
    EXPECT_EQ(status["paper"], "ok");
    EXPECT_EQ(status["version"], "0.1.0");

    rig_->printer().set_paper(drivers::PaperState::nearEnd);
    ASSERT_TRUE(until([&](const auto& s) { return s.latest(base + "alerts").has_value(); })) << notes_;
    const auto alert = nlohmann::json::parse(centre.latest(base + "alerts")->payload);
    EXPECT_EQ(alert["alert"], "paper_near_end");
    EXPECT_EQ(alert["state"], "raised");
    EXPECT_EQ(alert["terminal"], config_.kiosk_id);
    ASSERT_TRUE(until([&](const auto& s) {
        const auto latest = s.latest(base + "status");
        return latest && nlohmann::json::parse(latest->payload)["paper"] == "nearEnd";
    }));
    EXPECT_EQ(nlohmann::json::parse(centre.latest(base + "status")->payload)["alerts"][0], "paper_near_end");
    // Yesterday's service-quality index, retained.
    ASSERT_TRUE(until([&](const auto& s) { return s.latest(base + "sqi").has_value(); }));
    EXPECT_TRUE(nlohmann::json::parse(centre.latest(base + "sqi")->payload).contains("availability"));

    app_.reset();  // an orderly stop: the farewell
    ASSERT_TRUE(centre.wait_until([&](const auto& s) { return s.state(base + "status") == "offline"; }));
    EXPECT_EQ(nlohmann::json::parse(centre.latest(base + "status")->payload)["reason"], "stopped");
    std::filesystem::remove_all(pki_dir);
}

}  // namespace
}  // namespace kiosk::test
