// `kioskctl sim …` in-process against a ControlService on the control socket of a temporary data
// directory, pumped by a thread as kiosk --sim pumps it: what each command prints and returns, that
// typed PIN digits never appear in the output, and exit 2 when no kiosk is running.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "kiosk/kioskctl/commands.hpp"
#include "kiosk/kioskctl/kioskctl_app.hpp"
#include "sim/devices/card_deck.hpp"
#include "tests/sim/control/pumping_loop.hpp"
#include "tests/sim/control/sim_bench.hpp"
#include "tests/store/temp_directory.hpp"

namespace kiosk::kioskctl {
namespace {

struct CommandRun {
    int code = -1;
    std::string out;
    std::string err;
};

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

class KioskctlSimTest : public ::testing::Test {
protected:
    KioskctlSimTest() {
        std::filesystem::create_directories(data_dir_);
        std::ofstream(config_file_) << "[kiosk]\ndata_dir = \"" << data_dir_.string() << "\"\n";
    }
    ~KioskctlSimTest() override {
        loop_.reset();
        service_.reset();
    }

    void start_kiosk() {
        auto service = sim::ControlService::start(data_dir_ / "control.sock", bench_.sims(), bench_.drivers());
        ASSERT_TRUE(service.ok()) << service.error().to_string();
        service_ = std::move(*service);
        loop_ = std::make_unique<sim::test::PumpingLoop>(*service_);
    }

    CommandRun run(std::vector<std::string> words) {
        std::vector<const char*> argv{"kioskctl", "--config", config_file_.c_str()};
        for (const std::string& word : words) argv.push_back(word.c_str());
        std::ostringstream out;
        std::ostringstream err;
        const SystemClock clock;
        CommandRun result;
        result.code = run_kioskctl(static_cast<int>(argv.size()), argv.data(), out, err, clock);
        result.out = out.str();
        result.err = err.str();
        return result;
    }

    store::test::TempDirectory directory_;
    std::filesystem::path data_dir_{directory_.file("data")};
    std::string config_file_{directory_.file("kiosk.toml")};
    sim::test::SimBench bench_;
    std::unique_ptr<sim::ControlService> service_;
    std::unique_ptr<sim::test::PumpingLoop> loop_;
};

TEST_F(KioskctlSimTest, StatusPrintsEveryDeviceWithItsState) {
    start_kiosk();
    const CommandRun status = run({"sim", "status"});
    ASSERT_EQ(status.code, kExitOk) << status.err;
    for (const char* line : {"card-reader: online; ", "pin-pad: online; ", "printer: online; ", "dispenser: online; ",
                             "sensors: online; "}) {
        EXPECT_TRUE(contains(status.out, line)) << line << "\n" << status.out;
    }
    EXPECT_TRUE(contains(status.out, "capture bin 0/5")) << status.out;
}

TEST_F(KioskctlSimTest, FaultsShowInStatusAndClearFaultsRemovesThem) {
    start_kiosk();
    const CommandRun fault = run({"sim", "fault", "printer", "unplugged", "--permanent"});
    ASSERT_EQ(fault.code, kExitOk) << fault.err;
    EXPECT_EQ(fault.out, "printer unplugged: on, permanent\n");
    EXPECT_TRUE(contains(run({"sim", "status"}).out, "printer: noDevice (hardware error, action maintenance: "));
    EXPECT_EQ(run({"sim", "clear-faults"}).code, kExitOk);
    EXPECT_TRUE(contains(run({"sim", "status"}).out, "printer: online; paper ok"));

    const CommandRun bad = run({"sim", "fault", "printer", "on-fire"});
    EXPECT_EQ(bad.code, kExitFailure);
    EXPECT_TRUE(contains(bad.err, "unknown printer fault 'on-fire'; known: paper-near-end")) << bad.err;
    EXPECT_EQ(run({"sim", "fault", "printer", "unplugged", "--next", "--permanent"}).code, kExitUsage);
}

TEST_F(KioskctlSimTest, PlaysTheCustomerWithoutEchoingThePin) {
    start_kiosk();
    ASSERT_TRUE(bench_.card_reader.enable_insertion(true).ok());
    const CommandRun unknown = run({"sim", "insert-card", "gold-zed"});
    EXPECT_EQ(unknown.code, kExitFailure);
    EXPECT_TRUE(contains(unknown.err, "no deck card 'gold-zed'")) << unknown.err;
    const CommandRun inserted = run({"sim", "insert-card", "visa-alice"});
    EXPECT_EQ(inserted.code, kExitOk) << inserted.err;
    EXPECT_EQ(inserted.out, "inserted visa-alice\n");

    const auto& alice = sim::card("visa-alice");
    ASSERT_TRUE(bench_.pin_pad.begin_pin_entry({4, 12, alice.pan}).ok());
    const CommandRun pressed = run({"sim", "press", alice.pin, "enter"});
    EXPECT_EQ(pressed.code, kExitOk) << pressed.err;
    EXPECT_EQ(pressed.out, "pressed " + std::to_string(alice.pin.size() + 1) + " keys\n");
    EXPECT_FALSE(contains(pressed.out + pressed.err, alice.pin));
    EXPECT_EQ(bench_.pin_pad_sim.entry_state(), drivers::PinEntryState::complete);

    EXPECT_EQ(run({"sim", "take-card"}).code, kExitFailure);  // not ejected yet
    ASSERT_TRUE(bench_.card_reader.eject().ok());
    EXPECT_EQ(run({"sim", "take-card"}).out, "card taken\n");

    ASSERT_TRUE(bench_.printer.print(sim::test::receipt_of(2)).ok());
    EXPECT_EQ(run({"sim", "take-receipt"}).out, "line 1\nline 2\n");
    ASSERT_TRUE(bench_.dispenser.dispense({{2, 0}, 2}).ok());
    ASSERT_TRUE(bench_.dispenser.present().ok());
    EXPECT_EQ(run({"sim", "take-cash"}).out, "notes taken, worth 20000 minor units\n");
}

TEST_F(KioskctlSimTest, EveryCommandSaysWhenNoKioskIsRunning) {
    const std::string expected = "kioskctl: kiosk control socket " + (data_dir_ / "control.sock").string() +
                                 " not found: is `kiosk --sim` running?\n";
    for (const std::vector<std::string>& words : std::vector<std::vector<std::string>>{
             {"sim", "status"}, {"sim", "insert-card", "visa-alice"}, {"sim", "press", "enter"},
             {"sim", "take-card"}, {"sim", "take-cash"}, {"sim", "fault", "printer", "paper-near-end"},
             {"sim", "clear-faults"}}) {
        const CommandRun result = run(words);
        EXPECT_EQ(result.code, kExitUnavailable) << words[1];
        EXPECT_EQ(result.err, expected) << words[1];
    }
}

}  // namespace
}  // namespace kiosk::kioskctl
