// Integration: the EMV reader reads a deck chip card through the real PC/SC stack —
// PcscChipChannel → libpcsclite → pcscd → vsmartcard-vpcd → VpcdCardLink → SimChipCard.
// The test starts its own pcscd (foreground, private reader.conf.d with vpcd on a free port) and
// stops it by its pid. When the environment cannot host pcscd (binary or vpcd driver missing,
// another pcscd already owns /run/pcscd, no permission) the test is skipped with the reason —
// or fails with it when KIOSK_PCSC_IT=1 says the environment must support it.
// Run: KIOSK_PCSC_IT=1 build/h-drivers/bin/chip_pcsc_integration_tests   (ctest -L integration)
#include <gtest/gtest.h>

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "drivers/chip/emv_reader.hpp"
#include "drivers/chip/pcsc_chip_channel.hpp"
#include "sim/devices/card_deck.hpp"
#include "sim/devices/sim_chip_card.hpp"
#include "sim/devices/vpcd_card_link.hpp"

extern char** environ;

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using drivers::chip::ChipFailure;

constexpr const char* pcscd_binary = "/usr/sbin/pcscd";
constexpr const char* vpcd_driver = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
constexpr const char* pcscd_pid_file = "/run/pcscd/pcscd.pid";

bool must_run() {
    const char* flag = std::getenv("KIOSK_PCSC_IT");
    return flag != nullptr && std::string(flag) == "1";
}

// Why pcscd cannot be started here, or an empty string when it can.
std::string environment_problem() {
    if (!fs::exists(pcscd_binary)) return std::string(pcscd_binary) + " is missing (Debian package pcscd)";
    if (!fs::exists(vpcd_driver)) return std::string(vpcd_driver) + " is missing (Debian package vsmartcard-vpcd)";
    std::ifstream pid_file(pcscd_pid_file);
    int pid = 0;
    if (pid_file >> pid && pid > 0 && ::kill(pid, 0) == 0) {
        return "another pcscd (pid " + std::to_string(pid) + ") already owns /run/pcscd; pcscd allows one per machine";
    }
    if (::access("/run", W_OK) != 0) return "no write access to /run, where pcscd puts its socket (run as root)";
    return {};
}

// A TCP port that was free a moment ago, with the next one free too (vpcd listens on port and
// port + 1, one per virtual slot).
std::uint16_t free_port_pair() {
    for (int attempt = 0; attempt < 20; ++attempt) {
        const int first = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof address;
        ::bind(first, reinterpret_cast<sockaddr*>(&address), sizeof address);
        ::getsockname(first, reinterpret_cast<sockaddr*>(&address), &size);
        const std::uint16_t port = ntohs(address.sin_port);
        const int second = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in next = address;
        next.sin_port = htons(static_cast<std::uint16_t>(port + 1));
        const bool both = port < 65535 && ::bind(second, reinterpret_cast<sockaddr*>(&next), sizeof next) == 0;
        ::close(first);
        ::close(second);
        if (both) return port;
    }
    return 0;
}

// pcscd in the foreground with a private config directory; stopped (SIGTERM, then waited for) by
// its pid when the test ends.
class PcscdProcess {
public:
    PcscdProcess(const fs::path& work_dir, std::uint16_t port) : log_(work_dir / "pcscd.log") {
        const fs::path config = work_dir / "reader.conf.d";
        fs::create_directories(config);
        char hex_port[8];
        std::snprintf(hex_port, sizeof hex_port, "0x%04X", port);
        std::ofstream(config / "vpcd") << "FRIENDLYNAME \"Kiosk Virtual PCD\"\n"
                                       << "DEVICENAME   /dev/null:" << hex_port << "\n"
                                       << "LIBPATH      " << vpcd_driver << "\n"
                                       << "CHANNELID    " << hex_port << "\n";
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_adddup2(&actions, 1, 2);
        const std::string config_dir = config.string();
        std::vector<std::string> args = {pcscd_binary, "--foreground", "--debug", "--config", config_dir};
        std::vector<char*> argv;
        for (auto& arg : args) argv.push_back(arg.data());
        argv.push_back(nullptr);
        spawn_error_ = posix_spawn(&pid_, pcscd_binary, &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
    }
    PcscdProcess(const PcscdProcess&) = delete;
    PcscdProcess& operator=(const PcscdProcess&) = delete;
    ~PcscdProcess() {
        if (spawn_error_ != 0 || pid_ <= 0) return;
        ::kill(pid_, SIGTERM);
        int status = 0;
        for (int i = 0; i < 50 && ::waitpid(pid_, &status, WNOHANG) == 0; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        if (::waitpid(pid_, &status, WNOHANG) == 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, &status, 0);
        }
    }

    [[nodiscard]] bool started() const { return spawn_error_ == 0; }
    [[nodiscard]] bool running() const { return started() && ::waitpid(pid_, nullptr, WNOHANG) == 0; }
    [[nodiscard]] std::string log_tail() const {
        std::ifstream in(log_);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        return text.size() > 2000 ? text.substr(text.size() - 2000) : text;
    }

private:
    fs::path log_;
    pid_t pid_ = 0;
    int spawn_error_ = 0;
};

class PcscIntegration : public testing::Test {
protected:
    void SetUp() override {
        const std::string problem = environment_problem();
        if (!problem.empty()) {
            if (must_run()) FAIL() << "KIOSK_PCSC_IT=1 but pcscd cannot run here: " << problem;
            GTEST_SKIP() << "pcscd cannot run here: " << problem;
        }
        work_dir_ = fs::temp_directory_path() / ("kiosk-pcsc-it-" + std::to_string(::getpid()));
        fs::create_directories(work_dir_);
        port_ = free_port_pair();
        ASSERT_NE(port_, 0) << "no free TCP port pair for vpcd";
        pcscd_ = std::make_unique<PcscdProcess>(work_dir_, port_);
        ASSERT_TRUE(pcscd_->started()) << "posix_spawn " << pcscd_binary << " failed";
    }
    void TearDown() override {
        pcscd_.reset();
        if (!work_dir_.empty()) fs::remove_all(work_dir_);
    }

    // The reader appears once pcscd has loaded vpcd; polled for a bounded time (pcscd start-up).
    Result<std::unique_ptr<drivers::chip::PcscChipChannel>> open_reader() {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
        while (true) {
            auto channel = drivers::chip::PcscChipChannel::open("Kiosk Virtual PCD");
            if (channel || std::chrono::steady_clock::now() >= deadline || !pcscd_->running()) return channel;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }

    fs::path work_dir_;
    std::uint16_t port_ = 0;
    std::unique_ptr<PcscdProcess> pcscd_;
};

TEST_F(PcscIntegration, ReadsADeckChipCardThroughPcscdAndVpcd) {
    const auto& deck_card = sim::card("visa-alice");  // T=0 style: 61xx / 6Cxx cross pcscd too
    sim::SimChipCard card(deck_card);
    auto link = sim::VpcdCardLink::connect("127.0.0.1", port_, card, Millis{15000});
    ASSERT_TRUE(link.ok()) << link.error().to_string() << "\npcscd log:\n" << pcscd_->log_tail();
    (*link)->start();

    auto channel = open_reader();
    ASSERT_TRUE(channel.ok()) << channel.error().to_string() << "\npcscd log:\n" << pcscd_->log_tail();

    drivers::chip::EmvReaderOptions options;
    options.power_on_timeout = Millis{10000};
    auto data = drivers::chip::EmvReader(**channel, options).read();
    ASSERT_TRUE(data.ok()) << data.error().to_string() << "\npcscd log:\n" << pcscd_->log_tail();
    EXPECT_TRUE(data->pan == deck_card.pan);
    EXPECT_EQ(data->application_label, "VISA DEBIT");
    EXPECT_EQ(data->expiry_yymmdd.substr(0, 4), deck_card.expiry_yymm);
    EXPECT_EQ((*channel)->status().state, drivers::DeviceState::online);
    EXPECT_GT((*link)->messages_served(), 8u);

    // The card leaves the reader (the virtual card hangs up): an error and a device state, no crash.
    link->reset();
    auto after = (*channel)->transmit(from_hex("00B2010C00").value(), Millis{2000});
    ASSERT_FALSE(after.ok());
    EXPECT_TRUE(drivers::chip::chip_failure_of(after.error()).has_value()) << after.error().to_string();
    EXPECT_NE((*channel)->status().state, drivers::DeviceState::online) << after.error().to_string();
    RecordProperty("after_removal", after.error().to_string());
    EXPECT_TRUE((*channel)->power_off().ok());
}

}  // namespace
}  // namespace kiosk
