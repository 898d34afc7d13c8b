// kiosk/config, the [host] section and sim.host_transport: a full bank host link is read, and each
// bad value is refused with the file, the line, the key and what was expected.
#include "kiosk/config/kiosk_config.hpp"

#include <gtest/gtest.h>

#include "tests/kiosk/config_error_of.hpp"

namespace kiosk {
namespace {

using test::error_of;

constexpr const char* kPrimary = "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
constexpr const char* kBackup = "sha256//QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ=";

// A complete [host] section with `line` (`key = value`) replacing that key's line, or added.
std::string host_with(const std::string& line) {
    std::vector<std::string> lines{"address = \"10.20.30.40\"", "port = 5443", "ca_file = \"/etc/kiosk/bank-ca.pem\""};
    const std::string key = line.substr(0, line.find(' '));
    std::string text = "[host]\n" + line + "\n";
    for (const std::string& kept : lines) {
        if (kept.substr(0, kept.find(' ')) != key) text += kept + "\n";
    }
    return text;
}

TEST(KioskConfigHostTest, ReadsAFullHostSection) {
    const KioskConfig config = parse_config(std::string(R"(
        [host]
        address = "10.20.30.40"
        port = 5443
        server_name = "auth.bank.example"
        ca_file = "/etc/kiosk/bank-ca.pem"
        client_cert = "/etc/kiosk/bank-client.pem"
        client_key = "/etc/kiosk/bank-client.key"
        pinned_keys = [")") + kPrimary + "\", \"" + kBackup + R"("]
        connect_timeout_s = 3
        reply_timeout_s = 20
        [sim]
        host_transport = "in_process"
    )", "test.toml");
    EXPECT_TRUE(config.host.configured());
    EXPECT_EQ(config.host.address, "10.20.30.40");
    EXPECT_EQ(config.host.port, 5443);
    EXPECT_EQ(config.host.server_name, "auth.bank.example");
    EXPECT_EQ(config.host.ca_file, "/etc/kiosk/bank-ca.pem");
    EXPECT_EQ(config.host.client_cert, "/etc/kiosk/bank-client.pem");
    EXPECT_EQ(config.host.client_key, "/etc/kiosk/bank-client.key");
    EXPECT_EQ(config.host.pinned_keys, (std::vector<std::string>{kPrimary, kBackup}));
    EXPECT_EQ(config.host.connect_timeout, Millis(3'000));
    EXPECT_EQ(config.host.reply_timeout, Millis(20'000));
    EXPECT_EQ(config.sim.host_transport, HostTransport::InProcess);
}

TEST(KioskConfigHostTest, DefaultsAreNoHostAndTheTlsTransportForTheSimulator) {
    const KioskConfig config = parse_config("", "test.toml");
    EXPECT_FALSE(config.host.configured());
    EXPECT_EQ(config.host.connect_timeout, Millis(5'000));
    EXPECT_EQ(config.host.reply_timeout, Millis(30'000));
    EXPECT_EQ(config.sim.host_transport, HostTransport::Iso8583);
    EXPECT_EQ(parse_config("[host]\naddress = \"::1\"\nport = 1\nca_file = \"ca.pem\"\n", "t").host.address, "::1");
}

TEST(KioskConfigHostTest, EachBadValueIsRefusedWithItsLineAndKeyNamed) {
    EXPECT_EQ(error_of(host_with("address = \"bank.example\"")),
              "test.toml:2: host.address: expected a numeric IPv4 or IPv6 address (a DNS lookup cannot be bounded by "
              "a timeout), got \"bank.example\"");
    EXPECT_EQ(error_of(host_with("port = 70000")), "test.toml:2: host.port: must be between 1 and 65535, got 70000");
    EXPECT_EQ(error_of(host_with("port = \"443\"")), "test.toml:2: host.port: expected an integer, got \"443\"");
    EXPECT_EQ(error_of(host_with("server_name = \"bank example\"")),
              "test.toml:2: host.server_name: expected the DNS name or IP address the bank's certificate carries, got "
              "\"bank example\"");
    EXPECT_EQ(error_of(host_with("ca_file = 3")), "test.toml:2: host.ca_file: expected a string, got 3");
    EXPECT_EQ(error_of(host_with("client_cert = \"c.pem\"")),
              "test.toml:1: host.client_key: host.client_cert and host.client_key go together (mutual TLS)");
    EXPECT_EQ(error_of(host_with("client_key = \"c.key\"")),
              "test.toml:1: host.client_cert: host.client_cert and host.client_key go together (mutual TLS)");
    EXPECT_EQ(error_of(host_with("pinned_keys = \"" + std::string(kPrimary) + "\"")),
              "test.toml:2: host.pinned_keys: expected an array of strings, got \"" + std::string(kPrimary) + "\"");
    EXPECT_TRUE(error_of(host_with("pinned_keys = [\"" + std::string(kPrimary) + "\"]"))
                    .starts_with("test.toml:2: host.pinned_keys: host.pinned_keys: 1 pin(s) given; a primary and at least one backup"))
        << "a single pin strands the kiosk when the bank rotates its key";
    EXPECT_TRUE(error_of(host_with("pinned_keys = [\"md5//x\", \"" + std::string(kBackup) + "\"]"))
                    .starts_with("test.toml:2: host.pinned_keys: host.pinned_keys[0]: pin \"md5//x\" does not start with sha256//"));
    EXPECT_EQ(error_of(host_with("connect_timeout_s = 0")),
              "test.toml:2: host.connect_timeout_s: must be between 1 and 60, got 0");
    EXPECT_EQ(error_of(host_with("reply_timeout_s = 600")),
              "test.toml:2: host.reply_timeout_s: must be between 1 and 120, got 600");
    EXPECT_EQ(error_of("[host]\naddress = \"10.0.0.1\"\nca_file = \"ca.pem\"\n"),
              "test.toml:1: host.port: required when host.address is set");
    EXPECT_EQ(error_of("[host]\naddress = \"10.0.0.1\"\nport = 5443\n"),
              "test.toml:1: host.ca_file: required when host.address is set");
    EXPECT_EQ(error_of("[sim]\nhost_transport = \"tcp\"\n"),
              "test.toml:2: sim.host_transport: expected \"iso8583\" or \"in_process\", got \"tcp\"");
}

TEST(KioskConfigHostTest, ThePrinterChineseModeIsOneOfTwo) {
    EXPECT_EQ(parse_config("", "t").devices.printer_chinese, drivers::ChineseTextMode::gb18030);
    EXPECT_EQ(parse_config("[devices]\nprinter_chinese = \"raster\"\n", "t").devices.printer_chinese,
              drivers::ChineseTextMode::raster);
    EXPECT_EQ(error_of("[devices]\nprinter_chinese = \"big5\"\n"),
              "test.toml:2: devices.printer_chinese: expected \"gb18030\" or \"raster\", got \"big5\"");
}

// A misspelt key is named as such, not as the required key it leaves unset.
TEST(KioskConfigHostTest, AMisspeltKeyIsReportedBeforeWhatItLeavesMissing) {
    EXPECT_EQ(error_of("[host]\naddress = \"10.0.0.1\"\nport = 5443\nca_fil = \"ca.pem\"\n"),
              "test.toml:4: unknown key 'host.ca_fil' (did you mean 'host.ca_file'?)");
    EXPECT_EQ(error_of("[host]\naddress = \"10.0.0.1\"\nport = 5443\nca_file = \"ca.pem\"\nclient_cert = \"c.pem\"\n"
                       "clientkey = \"c.key\"\n"),
              "test.toml:6: unknown key 'host.clientkey' (did you mean 'host.client_key'?)");
}

}  // namespace
}  // namespace kiosk
