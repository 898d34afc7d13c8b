// kioskctl against a live simulated kiosk: `kiosk-sim --headless --serve` as its own process (as
// `kiosk --sim --headless --serve` runs it), kioskctl run in-process against its control socket.
// The stories: status and selftest of a healthy kiosk, degraded by a printer fault (paper low,
// unplugged) and out of service by tamper, each with its exit code; the self-test's real device
// tests (a test ticket printed, one note per cassette booked as rejected, each test journaled with
// the caller), an injected dispenser fault failing it, and the kiosk back in Attract after; a
// self-test refused while a customer is at the machine; writes that need a signed-in technician; bad input refused with
// nothing written; and, with the kiosk stopped, the commands that work from the database alone.
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "common/child_process.hpp"
#include "kiosk/kioskctl/kioskctl_app.hpp"
#include "tests/e2e/fresh_test_directory.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

struct CtlRun {
    int code = -1;
    std::string out;
    std::string err;
    [[nodiscard]] nlohmann::json json() const { return nlohmann::json::parse(out, nullptr, false); }
};

std::string read_text(const fs::path& path) {
    std::ifstream in(path);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

class KioskctlLive : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = test::fresh_test_directory("ctl-live");
        config_ = dir_ / "kiosk.toml";
        std::ofstream(config_) << "[kiosk]\nid = \"LIVE-01\"\ndata_dir = \"" << (dir_ / "data").string()
                               << "\"\n";
        start_kiosk();
    }
    void TearDown() override {
        if (kiosk_) kiosk_->stop(10s);
        if (!HasFailure()) fs::remove_all(dir_);
    }

    void start_kiosk() {
        auto kiosk = ChildProcess::spawn(KIOSK_SIM_BINARY, {"--headless", "--serve", "--config", config_.string()},
                                         dir_ / "kiosk.log");
        ASSERT_TRUE(kiosk.ok()) << kiosk.error().to_string();
        kiosk_.emplace(std::move(*kiosk));
        // Up once its status answers with a finished device round.
        const auto deadline = std::chrono::steady_clock::now() + 60s;
        while (std::chrono::steady_clock::now() < deadline) {
            if (kiosk_->exit_status()) break;
            if (run({"status"}).code == 0) return;
            std::this_thread::sleep_for(100ms);
        }
        FAIL() << "the kiosk did not come up in service:\n" << read_text(dir_ / "kiosk.log");
    }

    void stop_kiosk() {
        ASSERT_TRUE(kiosk_);
        const int status = kiosk_->stop(20s);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << read_text(dir_ / "kiosk.log");
        kiosk_.reset();
    }

    CtlRun run(std::vector<std::string> words, const std::string& input = "") {
        std::vector<const char*> argv{"kioskctl", "--config", config_.c_str()};
        for (const std::string& word : words) argv.push_back(word.c_str());
        std::ostringstream out;
        std::ostringstream err;
        std::istringstream in(input);
        const SystemClock clock;
        CtlRun result;
        result.code = kioskctl::run_kioskctl(static_cast<int>(argv.size()), argv.data(), out, err, clock, in);
        result.out = out.str();
        result.err = err.str();
        return result;
    }

    // kioskctl selftest as a signed-in technician (it prints and moves notes: a technician's
    // action); the account is made on first use.
    CtlRun selftest(std::vector<std::string> words) {
        if (!technician_made_) {
            const CtlRun made = run({"users", "bootstrap", "sup1"}, "secret-123\n");
            EXPECT_EQ(made.code, 0) << made.err;
            technician_made_ = true;
        }
        words.insert(words.begin(), "selftest");
        words.insert(words.end(), {"--as", "sup1"});
        return run(std::move(words), "secret-123\n");
    }

    // The status exit code once it is `expected` (device rounds run every 2 s), or the last one.
    CtlRun status_until(int expected) {
        CtlRun status;
        const auto deadline = std::chrono::steady_clock::now() + 20s;
        do {
            status = run({"status", "--json"});
            if (status.code == expected) break;
            std::this_thread::sleep_for(100ms);
        } while (std::chrono::steady_clock::now() < deadline);
        return status;
    }

    fs::path dir_;
    fs::path config_;
    std::optional<ChildProcess> kiosk_;
    bool technician_made_ = false;
};

TEST_F(KioskctlLive, StatusHealthyDegradedOutOfService) {
    const CtlRun healthy = run({"status", "--json"});
    ASSERT_EQ(healthy.code, 0) << healthy.err << healthy.out;
    const nlohmann::json status = healthy.json();
    EXPECT_EQ(status["state"], "in_service");
    EXPECT_EQ(status["kiosk_id"], "LIVE-01");
    EXPECT_EQ(status["flow_state"], "Attract");
    EXPECT_EQ(status["devices"].size(), 5U) << healthy.out;
    EXPECT_EQ(status["outbox"]["dead_letters"], 0);
    EXPECT_TRUE(status["journal"]["intact"].get<bool>()) << healthy.out;
    EXPECT_TRUE(status["uptime_s"].is_number());
    EXPECT_FALSE(status["version"].get<std::string>().empty());

    const CtlRun text = run({"status"});
    EXPECT_EQ(text.code, 0);
    EXPECT_TRUE(contains(text.out, "kiosk LIVE-01 (version ")) << text.out;
    EXPECT_TRUE(contains(text.out, "printer: online")) << text.out;

    const CtlRun printer = selftest({"printer"});
    EXPECT_EQ(printer.code, 0) << printer.err;
    EXPECT_EQ(printer.out, "printer: passed (test receipt printed)\nselftest passed; the kiosk is in service\n");
    const CtlRun toaster = selftest({"toaster"});
    EXPECT_EQ(toaster.code, 64);
    EXPECT_TRUE(contains(toaster.err, "card_reader")) << toaster.err;  // the valid names

    // Paper low: served as before, but the technician is told (degraded, exit 1).
    ASSERT_EQ(run({"sim", "fault", "printer", "paper-near-end", "--permanent"}).code, 0);
    const CtlRun low = status_until(1);
    ASSERT_EQ(low.code, 1) << low.out;
    EXPECT_EQ(low.json()["state"], "degraded");
    EXPECT_TRUE(contains(low.out, "printer: paper nearEnd")) << low.out;
    ASSERT_EQ(run({"sim", "clear-faults"}).code, 0);
    ASSERT_EQ(status_until(0).code, 0);

    // Printer unplugged: no receipts (degraded); its self-test fails (exit 1).
    ASSERT_EQ(run({"sim", "fault", "printer", "unplugged", "--permanent"}).code, 0);
    const CtlRun unplugged = status_until(1);
    ASSERT_EQ(unplugged.code, 1) << unplugged.out;
    EXPECT_EQ(unplugged.json()["left_out"][0], "receipts");
    const CtlRun failed = selftest({"printer"});
    EXPECT_EQ(failed.code, 1) << failed.err;
    EXPECT_TRUE(contains(failed.out, "printer: FAILED (")) << failed.out;
    EXPECT_TRUE(contains(failed.out, "the kiosk is in service")) << failed.out;  // degraded: exit 1, not 2
    ASSERT_EQ(run({"sim", "clear-faults"}).code, 0);
    ASSERT_EQ(status_until(0).code, 0);

    // Tamper: out of service (exit 2), and it stays latched.
    ASSERT_EQ(run({"sim", "fault", "sensors", "tamper-opened", "--permanent"}).code, 0);
    const CtlRun tamper = status_until(2);
    ASSERT_EQ(tamper.code, 2) << tamper.out;
    EXPECT_EQ(tamper.json()["state"], "out_of_service");
    EXPECT_EQ(tamper.json()["reason"], "tamper");
    // The tests run while out of service too, and the kiosk stays out: exit 2.
    const CtlRun tampered = selftest({"sensors"});
    EXPECT_EQ(tampered.code, 2) << tampered.out << tampered.err;
    EXPECT_TRUE(contains(tampered.out, "the kiosk is OUT OF SERVICE (tamper)")) << tampered.out;
}

TEST_F(KioskctlLive, SelftestTestsEachDeviceAndBooksTheRejectedNotes) {
    const nlohmann::json before = run({"balance", "--json"}).json();
    ASSERT_TRUE(before.is_object());
    ASSERT_EQ(before["cassettes"].size(), 2U) << before.dump();

    const CtlRun all = selftest({"--json"});
    ASSERT_EQ(all.code, 0) << all.err << all.out;
    const nlohmann::json report = all.json();
    EXPECT_TRUE(report["passed"].get<bool>()) << all.out;
    EXPECT_TRUE(report["in_service"].get<bool>()) << all.out;
    std::map<std::string, std::string> results;
    for (const nlohmann::json& device : report["devices"]) {
        EXPECT_TRUE(device["passed"].get<bool>()) << device.dump();
        results[device["name"].get<std::string>()] = device["result"].get<std::string>();
    }
    ASSERT_EQ(results.size(), 6U) << all.out;
    EXPECT_EQ(results["printer"], "test receipt printed");
    EXPECT_TRUE(contains(results["dispenser"], "2 notes picked and retracted to the reject bin")) << all.out;
    EXPECT_TRUE(contains(results["card_reader"], "a card-read test needs a technician on site")) << all.out;
    EXPECT_TRUE(contains(results["sensors"], "safe door closed")) << all.out;
    EXPECT_TRUE(contains(results["speech"], "test phrase")) << all.out;

    // One note per cassette, booked as rejected exactly as the service page books it.
    const nlohmann::json after = run({"balance", "--json"}).json();
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(after["cassettes"][i]["rejected"].get<int>(), before["cassettes"][i]["rejected"].get<int>() + 1)
            << after.dump();
    }
    // Each test journaled with the caller; the kiosk back in Attract, in service.
    const CtlRun journal = run({"journal", "show", "--last", "30"});
    EXPECT_TRUE(contains(journal.out, "self_test_started")) << journal.out;
    EXPECT_TRUE(contains(journal.out, "self_test_finished")) << journal.out;
    EXPECT_TRUE(contains(journal.out, "technician:sup1")) << journal.out;
    const CtlRun status = status_until(0);
    EXPECT_EQ(status.code, 0) << status.out;
    EXPECT_EQ(status.json()["flow_state"], "Attract") << status.out;

    // Signed in: the technician is the caller in the journal.
    EXPECT_EQ(run({"selftest", "pin_pad", "--as", "sup1"}, "wrong-secret\n").code, 1);
    const CtlRun signed_in = selftest({"pin_pad"});
    EXPECT_EQ(signed_in.code, 0) << signed_in.err << signed_in.out;
    EXPECT_TRUE(contains(run({"journal", "show", "--last", "10"}).out, "technician:sup1"));

    // An injected fault: the next pick from cassette 0 fails; the dispenser's test fails (exit 1).
    ASSERT_EQ(run({"sim", "fault", "dispenser", "partial-dispense", "--cassette", "0", "--next"}).code, 0);
    const CtlRun faulty = selftest({"dispenser"});
    EXPECT_EQ(faulty.code, 1) << faulty.out << faulty.err;
    EXPECT_TRUE(contains(faulty.out, "dispenser: FAILED (")) << faulty.out;
    EXPECT_TRUE(contains(faulty.out, "selftest FAILED: 1 of 1 tests")) << faulty.out;
    EXPECT_TRUE(contains(run({"journal", "show", "--last", "10"}).out, "failed: ")) << faulty.out;
}

TEST_F(KioskctlLive, SelftestRefusedInSession) {
    ASSERT_EQ(run({"sim", "insert-card", "visa-alice"}).code, 0);
    CtlRun status;
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    do {  // the card is read, and the flow leaves Attract, within a few turns
        status = run({"status", "--json"});
        if (status.json().value("customer_in_session", false)) break;
        std::this_thread::sleep_for(100ms);
    } while (std::chrono::steady_clock::now() < deadline);
    ASSERT_TRUE(status.json()["customer_in_session"].get<bool>()) << status.out;
    const CtlRun refused = selftest({});
    EXPECT_EQ(refused.code, 1);
    EXPECT_TRUE(contains(refused.err, "a customer is in session")) << refused.err << refused.out;
    EXPECT_FALSE(contains(run({"journal", "show"}).out, "self_test_started"));  // nothing was tested
}

TEST_F(KioskctlLive, WritesNeedTechnicianBadInputNothing) {
    ASSERT_EQ(run({"users", "bootstrap", "sup1"}, "secret-123\n").code, 0);
    EXPECT_EQ(run({"upload-now", "--as", "sup1"}, "wrong-secret\n").code, 1);
    const CtlRun upload = run({"upload-now", "--as", "sup1", "--json"}, "secret-123\n");
    ASSERT_EQ(upload.code, 0) << upload.err;
    EXPECT_TRUE(upload.json().contains("sent")) << upload.out;
    EXPECT_TRUE(upload.json().contains("pending")) << upload.out;

    const CtlRun counters_before = run({"counters", "--json"});
    const CtlRun journal_before = run({"journal", "show", "--last", "1000"});
    for (const char* counts : {"200,-5", "200,abc", "200,3000", "1,2,3", ""}) {
        const CtlRun refused = run({"replenish", counts, "--as", "sup1"}, "secret-123\n");
        EXPECT_EQ(refused.code, 64) << counts << ": " << refused.err;
        EXPECT_TRUE(contains(refused.err, "expected")) << counts << ": " << refused.err;
    }
    EXPECT_EQ(run({"replenish", "200,150", "--as", "sup1", "--capacity", "-1"}, "secret-123\n").code, 64);
    EXPECT_EQ(run({"counters", "--json"}).out, counters_before.out);
    EXPECT_EQ(run({"journal", "show", "--last", "1000"}).out, journal_before.out);

    EXPECT_EQ(run({"replenish", "200,150", "--as", "sup1"}, "wrong-secret\n").code, 1);
    const CtlRun replenished = run({"replenish", "200,150", "--as", "sup1", "--json"}, "secret-123\n");
    ASSERT_EQ(replenished.code, 0) << replenished.err;
    EXPECT_EQ(replenished.json()["replenished"][1]["notes"], 150);
    EXPECT_EQ(replenished.json()["replenished"][0]["denomination"], 10000);
    EXPECT_EQ(replenished.json()["dispenser_counts_set"], true) << "through the running kiosk";
    // The running kiosk set its dispenser's counts before the ledger: once a device round has read
    // them, the dispenser and the ledger agree.
    CtlRun balance;
    nlohmann::json report;
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    do {
        balance = run({"balance", "--json"});
        report = balance.json();
        if (report.is_object() && report["cassettes"][1]["device_count"] == 150) break;
        std::this_thread::sleep_for(100ms);
    } while (std::chrono::steady_clock::now() < deadline);
    ASSERT_TRUE(report.is_object()) << balance.out << balance.err;
    EXPECT_EQ(report["cassettes"][0]["remaining"], 200);
    EXPECT_EQ(report["cassettes"][0]["device_count"], 200);
    EXPECT_EQ(report["cassettes"][1]["device_count"], 150) << "the simulator's dispenser took the new count";
    EXPECT_EQ(report["cassettes"][1]["device_difference"], 0);
    EXPECT_EQ(balance.code, 0) << balance.out;  // balanced
    EXPECT_TRUE(contains(run({"journal", "show"}).out, "cash_replenished")) << run({"journal", "show"}).out;

    EXPECT_EQ(run({"frobnicate"}).code, 64);
}

TEST_F(KioskctlLive, SocketModesAndOfflineCommands) {
    struct stat info {};
    ASSERT_EQ(::stat((dir_ / "data" / "kiosk.sock").c_str(), &info), 0);
    EXPECT_TRUE(S_ISSOCK(info.st_mode));
    EXPECT_EQ(info.st_mode & 07777, 0660U);
    ASSERT_EQ(::stat((dir_ / "data" / "control.sock").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 07777, 0600U);  // the simulator's: its user only

    const CtlRun logs = run({"logs", "--json", "--level", "info"});
    ASSERT_EQ(logs.code, 0) << logs.err;
    EXPECT_TRUE(contains(logs.json()["source"].get<std::string>(), "kiosk.jsonl")) << logs.out;

    stop_kiosk();
    EXPECT_FALSE(fs::exists(dir_ / "data" / "kiosk.sock"));
    const CtlRun offline = run({"status"});
    EXPECT_EQ(offline.code, 69) << offline.err;
    EXPECT_TRUE(contains(offline.out, "kiosk LIVE-01: not running")) << offline.out;
    EXPECT_TRUE(contains(offline.out, "outbox: ")) << offline.out;
    const CtlRun offline_json = run({"status", "--json"});
    EXPECT_EQ(offline_json.code, 69);
    EXPECT_EQ(offline_json.json()["state"], "not_running");
    EXPECT_TRUE(offline_json.json()["journal"]["intact"].get<bool>()) << offline_json.out;

    const CtlRun tested = selftest({});
    EXPECT_EQ(tested.code, 69);
    EXPECT_TRUE(contains(tested.err, "kiosk not running")) << tested.err;
    const CtlRun balance = run({"balance"});
    EXPECT_TRUE(contains(balance.out, "kiosk not running")) << balance.out;
    const CtlRun cx = run({"cx", "--json"});
    EXPECT_EQ(cx.code, 0) << cx.err;
    EXPECT_TRUE(cx.json().is_object()) << cx.out;
    // The log still reads, and says who asked for what while the kiosk ran.
    const CtlRun log_lines = run({"logs", "--grep", "kiosk LIVE-01"});
    EXPECT_EQ(log_lines.code, 0);
    // A command without JSON of its own still prints one JSON document.
    const CtlRun wrapped = run({"journal", "show", "--json"});
    EXPECT_EQ(wrapped.json()["exit_code"], 0) << wrapped.out;
    EXPECT_FALSE(wrapped.json()["lines"].empty()) << wrapped.out;
    const CtlRun outbox = run({"outbox", "status", "--json"});
    EXPECT_EQ(outbox.code, 0) << outbox.err;
    EXPECT_TRUE(outbox.json()["pending"].is_number()) << outbox.out;
}

}  // namespace
}  // namespace kiosk
