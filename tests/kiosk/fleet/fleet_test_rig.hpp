// Shared by the fleet tests: a scratch directory with the test PKI (sim/crm/test_pki.hpp: the
// broker's server certificate for 127.0.0.1 and a client certificate, both from one CA), a real
// Mosquitto on loopback, and the [fleet] settings a terminal would use against it.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "kiosk/fleet/fleet_reporter.hpp"
#include "tests/e2e/fresh_test_directory.hpp"
#include "tests/kiosk/fleet/mosquitto_broker.hpp"
#include "tests/kiosk/fleet/mqtt_test_subscriber.hpp"

namespace kiosk::testing {

class FleetRig : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = test::fresh_test_directory("kiosk-fleet");
        SeededRandom serials(7);
        const TimePoint now = SystemClock().now();
        auto pki = sim::generate_test_pki(dir_ / "pki", {sim::valid_around(now), sim::valid_around(now), true}, serials);
        ASSERT_TRUE(pki.ok()) << pki.error().to_string();
        pki_ = std::move(*pki);
        broker_ = std::make_unique<MosquittoBroker>(dir_, pki_);
    }
    void TearDown() override {
        broker_.reset();
        std::filesystem::remove_all(dir_);
    }

    [[nodiscard]] FleetConfig fleet_config() const {
        FleetConfig config;
        config.mqtt_host = "127.0.0.1";
        config.mqtt_port = broker_->port();
        config.ca_file = pki_.ca.certificate;
        config.client_cert = pki_.client.certificate;
        config.client_key = pki_.client.private_key;
        return config;
    }
    // A terminal's publisher with a short backoff (the restart test waits for its reconnect).
    std::unique_ptr<fleet::MqttPublisher> publisher(const std::string& terminal) {
        fleet::MqttSettings settings =
            fleet::publisher_settings(fleet_config(), terminal, fleet::fleet_topics("kiosk", "testbank", terminal));
        settings.max_backoff = Millis(1'000);
        auto started = fleet::MqttPublisher::start(settings);
        EXPECT_TRUE(started.ok()) << started.error().to_string();
        return started.ok() ? std::move(*started) : nullptr;
    }
    static std::string status_topic(const std::string& terminal) {
        return fleet::fleet_topics("kiosk", "testbank", terminal).status;
    }
    static fleet::MqttMessage status(const std::string& terminal, ServiceFitness fitness = {}) {
        const auto message = fleet::terminal_status(terminal, fitness, std::nullopt, {}, "test", SystemClock().now());
        return {status_topic(terminal), fleet::to_json(message).dump(), true};
    }

    std::filesystem::path dir_;
    sim::TestPkiFiles pki_;
    std::unique_ptr<MosquittoBroker> broker_;
};

}  // namespace kiosk::testing
