// `kiosk --config FILE` on a terminal whose devices are all missing: the built program starts,
// goes out of service with every absent device named in the journal, stays up, and ends with exit
// 0 on SIGTERM. The bank host and the CRM are configured at a closed loopback port, the keys are
// made beforehand (a real terminal never makes its own). Every wait is bounded.
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "common/child_process.hpp"
#include "security/key_file.hpp"
#include "security/os_random.hpp"
#include "sim/crm/test_pki.hpp"
#include "store/database.hpp"
#include "store/journal.hpp"
#include "tests/e2e/fresh_test_directory.hpp"
#include "tests/e2e/notify_socket_listener.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using SteadyTime = std::chrono::steady_clock::time_point;

// A loopback port nobody listens on: bound by the kernel's choice, then closed again.
int closed_loopback_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(0x7F000001U);  // 127.0.0.1
    EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    socklen_t length = sizeof address;
    EXPECT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length), 0);
    ::close(fd);
    return ntohs(address.sin_port);
}

std::string read_text(const fs::path& path) {
    std::ifstream file(path);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

class ProductionStartE2eTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = test::fresh_test_directory("kiosk-production-e2e");
        data_dir_ = dir_ / "data";
        fs::create_directories(data_dir_);
        log_ = dir_ / "kiosk.log";
    }
    void TearDown() override { fs::remove_all(dir_); }

    // Keys file as `kioskctl keys init` makes it: the KEK and the PAN token key.
    void make_keys() {
        security::OsRandom random;
        security::KeyFile::create(
            data_dir_ / "keys", {std::string(security::kKekKeyName), std::string(security::kPanTokenKeyName)}, random);
    }

    // The config of a terminal whose five devices sit at USB ids no machine has.
    fs::path write_config() {
        SeededRandom serials(41);
        const TimePoint now = SystemClock().now();
        auto pki =
            sim::generate_test_pki(dir_ / "pki", {sim::valid_around(now), sim::valid_around(now), true}, serials);
        EXPECT_TRUE(pki.ok()) << pki.error().to_string();
        const int host_port = closed_loopback_port();
        const int crm_port = closed_loopback_port();
        std::ostringstream toml;
        toml << "[kiosk]\nid = \"HW-0001\"\ndata_dir = \"" << data_dir_.string() << "\"\n"
             << "[ui]\nscreens_dir = \"" << (dir_ / "screens").string() << "\"\n"
             << "[host]\naddress = \"127.0.0.1\"\nport = " << host_port << "\nserver_name = \"localhost\"\n"
             << "ca_file = \"" << pki->ca.certificate.string() << "\"\nclient_cert = \""
             << pki->client.certificate.string() << "\"\nclient_key = \"" << pki->client.private_key.string() << "\"\n"
             << "connect_timeout_s = 1\nreply_timeout_s = 2\n"
             << "[crm]\nurl = \"https://127.0.0.1:" << crm_port << "/ingest\"\nca_file = \""
             << pki->ca.certificate.string() << "\"\nclient_cert = \"" << pki->client.certificate.string()
             << "\"\nclient_key = \"" << pki->client.private_key.string() << "\"\nrequest_timeout_s = 2\n"
             << "record_public_keys = [\"crm-2026:OUjP4K0d22ldeA5ZB3GV2mxWUGsCcyl5SrAryoCBXE0=\"]\n"
             << "[devices]\ncard_reader_usb = \"ffff:fff0\"\npin_pad_usb = \"ffff:fff1\"\nprinter_usb = \"ffff:fff2\"\n"
             << "dispenser_usb = \"ffff:fff3\"\nsensors_usb = \"ffff:fff4\"\n";
        const fs::path path = dir_ / "kiosk.toml";
        std::ofstream(path) << toml.str();
        return path;
    }

    // Journal lines of `event`, read through the store as `kioskctl journal show` does; none while
    // the database does not exist yet or is busy being made.
    std::vector<store::JournalLine> journal_lines(std::string_view event) {
        std::vector<store::JournalLine> lines;
        const fs::path path = data_dir_ / "kiosk.db";
        if (!fs::exists(path)) return lines;
        auto database = store::Database::open(path.string());
        if (!database.ok()) return lines;
        auto entries = store::Journal(*database).read_all();
        if (!entries.ok()) return lines;
        for (const store::JournalEntry& entry : *entries) {
            if (entry.line.event_type == event) lines.push_back(entry.line);
        }
        return lines;
    }

    fs::path dir_;
    fs::path data_dir_;
    fs::path log_;
};

TEST_F(ProductionStartE2eTest, WithEveryDeviceAbsentItRunsOutOfServiceNamingThemAndStopsOnSigterm) {
    make_keys();
    const fs::path config = write_config();
    auto spawned = ChildProcess::spawn(KIOSK_BINARY, {"--config", config.string(), "--save-screens"}, log_);
    ASSERT_TRUE(spawned.ok()) << spawned.error().to_string();
    ChildProcess& kiosk = *spawned;

    std::vector<store::JournalLine> out_of_service;
    const SteadyTime deadline = std::chrono::steady_clock::now() + 30s;
    while (out_of_service.empty() && !kiosk.exit_status() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(200ms);
        out_of_service = journal_lines("out_of_service");
    }
    ASSERT_FALSE(kiosk.exit_status()) << "kiosk ended early:\n" << read_text(log_);
    ASSERT_FALSE(out_of_service.empty()) << "no out_of_service line within 30 s:\n" << read_text(log_);
    const std::string& detail = out_of_service.front().detail;
    EXPECT_TRUE(detail.starts_with("out_of_service.devices: ")) << detail;
    for (const char* device : {"USB ffff:fff0 (devices.card_reader_usb)", "USB ffff:fff1 (devices.pin_pad_usb)",
                               "USB ffff:fff2 (devices.printer_usb)", "USB ffff:fff3 (devices.dispenser_usb)",
                               "USB ffff:fff4 (devices.sensors_usb)"}) {
        EXPECT_TRUE(contains(detail, device)) << device << " not named in: " << detail;
    }
    ASSERT_EQ(journal_lines("kiosk_started").size(), 1U);

    // It stays up, out of service, re-reading the devices every 2 s.
    std::this_thread::sleep_for(2500ms);
    ASSERT_FALSE(kiosk.exit_status()) << "kiosk ended on its own:\n" << read_text(log_);

    kiosk.signal(SIGTERM);
    const std::optional<int> status = kiosk.wait_for_exit(5s);
    ASSERT_TRUE(status.has_value()) << "no exit within 5 s of SIGTERM:\n" << read_text(log_);
    ASSERT_TRUE(WIFEXITED(*status)) << "ended by signal " << WTERMSIG(*status) << ":\n" << read_text(log_);
    EXPECT_EQ(WEXITSTATUS(*status), 0) << read_text(log_);
    EXPECT_EQ(journal_lines("kiosk_stopped").size(), 1U);
    bool out_of_service_shown = false;  // --save-screens: every screen shown, as PNG
    for (const auto& entry : fs::directory_iterator(dir_ / "screens")) {
        if (contains(entry.path().filename().string(), "-out_of_service-")) out_of_service_shown = true;
    }
    EXPECT_TRUE(out_of_service_shown) << "the out-of-service screen was not shown";
}

// Under systemd (kiosk/deploy/kiosk.service, Type=notify, WatchdogSec=): the test is systemd's
// notify socket. The production program itself, not the simulator, with every device absent: the
// point is the start-up device check, and an absent device is still a checked one. READY=1 comes
// once the first device round is read, with the reason it is out of service in STATUS=; then the
// watchdog is pinged at half of WATCHDOG_USEC (400 ms here) from the loop; SIGTERM sends
// STOPPING=1. Off the journal, the log is JSON lines in <data_dir>/log.
TEST_F(ProductionStartE2eTest, UnderSystemdItNotifiesReadyAfterTheDeviceCheckAndPingsTheWatchdog) {
    make_keys();
    const fs::path config = write_config();
    test::NotifySocketListener systemd(fs::temp_directory_path() / ("kiosk-notify-" + std::to_string(::getpid())));
    ::setenv("NOTIFY_SOCKET", systemd.path().c_str(), 1);
    ::setenv("WATCHDOG_USEC", "400000", 1);
    ::unsetenv("JOURNAL_STREAM");
    auto spawned = ChildProcess::spawn(KIOSK_BINARY, {"--config", config.string()}, log_);
    ::unsetenv("NOTIFY_SOCKET");
    ::unsetenv("WATCHDOG_USEC");
    ASSERT_TRUE(spawned.ok()) << spawned.error().to_string();
    ChildProcess& kiosk = *spawned;

    std::optional<std::string> ready;
    int pings_after_ready = 0;
    const SteadyTime deadline = std::chrono::steady_clock::now() + 30s;
    while (pings_after_ready < 2 && std::chrono::steady_clock::now() < deadline && !kiosk.exit_status()) {
        const std::optional<std::string> message = systemd.receive(500ms);
        if (!message) continue;
        if (message->starts_with("READY=1")) {
            EXPECT_FALSE(ready.has_value()) << "READY=1 sent twice";
            ready = message;
        } else if (*message == "WATCHDOG=1" && ready) {
            ++pings_after_ready;
        }
    }
    ASSERT_FALSE(kiosk.exit_status()) << "kiosk ended early:\n" << read_text(log_);
    ASSERT_TRUE(ready.has_value()) << "no READY=1 within 30 s:\n" << read_text(log_);
    EXPECT_TRUE(contains(*ready, "\nSTATUS=out of service (out_of_service.devices): ")) << *ready;
    EXPECT_TRUE(contains(*ready, "USB ffff:fff1 (devices.pin_pad_usb)")) << *ready;
    EXPECT_EQ(pings_after_ready, 2) << "fewer than two WATCHDOG=1 after READY=1 within 30 s";
    // The device check that READY waits for is the one journalled at start.
    ASSERT_EQ(journal_lines("kiosk_started").size(), 1U);

    kiosk.signal(SIGTERM);
    bool stopping = false;
    for (int message = 0; message < 50 && !stopping; ++message) {
        const std::optional<std::string> received = systemd.receive(1s);
        if (!received) break;
        stopping = *received == "STOPPING=1";
    }
    EXPECT_TRUE(stopping) << "no STOPPING=1 after SIGTERM";
    const std::optional<int> status = kiosk.wait_for_exit(5s);
    ASSERT_TRUE(status.has_value()) << "no exit within 5 s of SIGTERM:\n" << read_text(log_);
    ASSERT_TRUE(WIFEXITED(*status)) << read_text(log_);
    EXPECT_EQ(WEXITSTATUS(*status), 0) << read_text(log_);

    // Not on the journal (no JOURNAL_STREAM): every line of the log file is one JSON object.
    std::ifstream lines(data_dir_ / "log" / "kiosk.jsonl");
    ASSERT_TRUE(lines.good()) << "no " << (data_dir_ / "log" / "kiosk.jsonl");
    bool start_line = false;
    int count = 0;
    for (std::string line; std::getline(lines, line); ++count) {
        const nlohmann::json entry = nlohmann::json::parse(line, nullptr, false);
        ASSERT_TRUE(entry.is_object()) << "not a JSON object: " << line;
        ASSERT_TRUE(entry.contains("time") && entry.contains("level") && entry.contains("message")) << line;
        if (contains(entry["message"].get<std::string>(), "HW-0001 on hardware")) start_line = true;
    }
    EXPECT_GT(count, 0);
    EXPECT_TRUE(start_line) << "the start-up line is not in the JSON log";
}

TEST_F(ProductionStartE2eTest, AMissingKeysFileIsOneLineAndExit1) {
    const fs::path config = write_config();
    auto spawned = ChildProcess::spawn(KIOSK_BINARY, {"--config", config.string()}, log_);
    ASSERT_TRUE(spawned.ok()) << spawned.error().to_string();
    ChildProcess& kiosk = *spawned;
    const std::optional<int> status = kiosk.wait_for_exit(20s);
    ASSERT_TRUE(status.has_value()) << read_text(log_);
    ASSERT_TRUE(WIFEXITED(*status));
    EXPECT_EQ(WEXITSTATUS(*status), 1);
    const std::string output = read_text(log_);
    EXPECT_TRUE(output.starts_with("kiosk: ") && contains(output, (data_dir_ / "keys").string())) << output;
    EXPECT_EQ(std::count(output.begin(), output.end(), '\n'), 1) << output;
}

TEST_F(ProductionStartE2eTest, SimWithoutKioskSimBesideItSaysSoAndExits1) {
    const fs::path lone = dir_ / "bin" / "kiosk";
    fs::create_directories(lone.parent_path());
    fs::copy_file(KIOSK_BINARY, lone);
    auto spawned = ChildProcess::spawn(lone.string(), {"--sim", "--headless"}, log_);
    ASSERT_TRUE(spawned.ok()) << spawned.error().to_string();
    ChildProcess& kiosk = *spawned;
    const std::optional<int> status = kiosk.wait_for_exit(10s);
    ASSERT_TRUE(status.has_value());
    ASSERT_TRUE(WIFEXITED(*status));
    EXPECT_EQ(WEXITSTATUS(*status), 1);
    const std::string output = read_text(log_);
    EXPECT_TRUE(contains(output, (dir_ / "bin" / "kiosk-sim").string())) << output;
    EXPECT_EQ(std::count(output.begin(), output.end(), '\n'), 1) << output;
}

}  // namespace
}  // namespace kiosk
