// [alerts] and [fleet]: defaults, bounds, and a broker only over TLS with a client certificate.
#include <gtest/gtest.h>

#include "kiosk/config/kiosk_config.hpp"
#include "tests/kiosk/config_error_of.hpp"

namespace kiosk {
namespace {

using test::error_of;

TEST(KioskConfigFleetTest, OffAndDefaultsWhenUnset) {
    const KioskConfig config = parse_config("", "test.toml");
    EXPECT_FALSE(config.fleet.enabled());
    EXPECT_EQ(config.fleet.mqtt_port, 8883);
    EXPECT_EQ(config.fleet.topic_prefix, "kiosk");
    EXPECT_EQ(config.alerts.clear_hold, Millis(300'000));
    EXPECT_EQ(config.alerts.screen_error_threshold, 5);
}

TEST(KioskConfigFleetTest, ReadsEveryKey) {
    const KioskConfig config = parse_config(R"([alerts]
clear_hold_s = 45
screen_errors = 3
[fleet]
mqtt_host = "broker.bank.example"
mqtt_port = 8884
ca_file = "ca.pem"
client_cert = "t.pem"
client_key = "t.key"
topic_prefix = "atm/cn"
bank = "kioskbank"
keepalive_s = 15
)",
                                            "test.toml");
    EXPECT_EQ(config.alerts.clear_hold, Millis(45'000));
    EXPECT_EQ(config.alerts.screen_error_threshold, 3);
    EXPECT_TRUE(config.fleet.enabled());
    EXPECT_EQ(config.fleet.mqtt_port, 8884);
    EXPECT_EQ(config.fleet.client_key, "t.key");
    EXPECT_EQ(config.fleet.topic_prefix, "atm/cn");
    EXPECT_EQ(config.fleet.keepalive, Millis(15'000));
}

TEST(KioskConfigFleetTest, ABrokerNeedsTheTlsFiles) {
    EXPECT_NE(error_of("[fleet]\nmqtt_host = \"10.0.0.1\"\n").find("fleet.ca_file: required"), std::string::npos);
    EXPECT_NE(error_of("[fleet]\nmqtt_host = \"10.0.0.1\"\nca_file = \"ca.pem\"\n").find("fleet.client_cert"),
              std::string::npos);
    EXPECT_NE(error_of("[fleet]\nmqtt_host = \"10.0.0.1\"\nca_file = \"ca.pem\"\nclient_cert = \"c.pem\"\n")
                  .find("fleet.client_key"),
              std::string::npos);
}

TEST(KioskConfigFleetTest, TopicLevelsAndBoundsAreChecked) {
    EXPECT_NE(error_of("[fleet]\ntopic_prefix = \"kiosk/#\"\n").find("fleet.topic_prefix"), std::string::npos);
    EXPECT_NE(error_of("[fleet]\nbank = \"a/b\"\n").find("fleet.bank"), std::string::npos);
    EXPECT_NE(error_of("[fleet]\nmqtt_port = 0\n").find("fleet.mqtt_port"), std::string::npos);
    EXPECT_NE(error_of("[alerts]\nclear_hold_s = 0\n").find("alerts.clear_hold_s"), std::string::npos);
    EXPECT_NE(error_of("[alerts]\nscreen_errors = 1\n").find("alerts.screen_errors"), std::string::npos);
}

}  // namespace
}  // namespace kiosk
