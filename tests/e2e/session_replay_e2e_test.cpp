// Trace and replay at the level of the whole kiosk (issue 3): a customer session with a fault is
// recorded with `--trace` (devices and touches), then `kiosk --headless --replay` runs a fresh
// kiosk from that trace alone. The replay must reach the same device outcomes and the same final
// device status, and a trace the kiosk cannot follow must be reported as a divergence.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "kiosk/app/headless_replay.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/simulator/demo_scenario.hpp"
#include "kiosk/simulator/simulator_rig.hpp"
#include "security/os_random.hpp"
#include "sim/virtual_clock.hpp"
#include "ui/offscreen_display.hpp"
#include "tests/e2e/fresh_test_directory.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

std::string line_of(const std::string& text, std::string_view start) {
    const std::size_t at = text.find(start);
    if (at == std::string::npos) return "(no line starting '" + std::string(start) + "')";
    return text.substr(at, text.find('\n', at) - at);
}

class SessionReplayE2eTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = test::fresh_test_directory("kiosk-replay-e2e");
    }
    void TearDown() override { fs::remove_all(dir_); }

    // One English customer with a receipt; the printer runs out of paper after 3 lines of it.
    // Returns the printer's status line at the end of the recorded session.
    std::string record_session_with_paper_out() {
        KioskConfig config;
        config.data_dir = dir_ / "recorded";
        sim::SimInstrumentOptions instruments;
        instruments.trace_file = trace_;
        sim::VirtualClock clock;
        security::OsRandom random;
        SimulatorRig rig(config, dir_ / "pki-recorded", instruments, &clock);
        ui::OffscreenDisplay display(ui::FontPaths::in_directory(config.font_dir), config.bank_name);
        KioskEnvironment environment{clock, random, rig.devices(), rig.host_link(), display, true};
        environment.one_device_thread = true;  // as kiosk --trace does
        KioskApp app(config, environment);
        rig.instrument(app.runtime());
        rig.printer().paper_out_mid_receipt(sim::FaultMode::once, 3);
        std::ostringstream log;
        DemoScenario demo(app, rig, clock, log);
        // Two customers, the second choosing Chinese on the attract screen before inserting: the
        // replay must not insert the card before that touch is made.
        (void)demo.run({{"visa-alice", ui::Language::English, true}, {"visa-alice", ui::Language::SimplifiedChinese, true}});
        for (const sim::DeviceReport& report : rig.device_reports()) {
            if (report.device == "printer") return sim::describe(report);
        }
        return "(no printer)";
    }

    int replay(std::ostream& out) {
        KioskConfig config;
        config.data_dir = dir_ / "replayed";
        sim::SimInstrumentOptions instruments;
        instruments.replay_file = trace_;
        return run_headless_replay(config, instruments, out);
    }

    fs::path dir_;
    fs::path trace_{fs::temp_directory_path() / "unused"};
};

TEST_F(SessionReplayE2eTest, ReplayOfARecordedFaultReproducesTheOutcomesAndFinalStatus) {
    trace_ = dir_ / "session.trace";
    const std::string recorded_printer = record_session_with_paper_out();
    EXPECT_NE(recorded_printer.find("paper out"), std::string::npos) << recorded_printer;

    std::ifstream file(trace_);
    std::stringstream trace_text;
    trace_text << file.rdbuf();
    EXPECT_NE(trace_text.str().find("\"touchscreen\""), std::string::npos) << "touches are recorded";
    EXPECT_NE(trace_text.str().find("\"print\""), std::string::npos);

    std::ostringstream out;
    EXPECT_EQ(replay(out), 0) << out.str();
    EXPECT_NE(out.str().find("replay reproduced the trace"), std::string::npos) << out.str();
    EXPECT_EQ(out.str().find("divergence"), std::string::npos) << out.str();
    EXPECT_EQ(line_of(out.str(), "  printer: ").substr(2), recorded_printer) << out.str();
}

TEST_F(SessionReplayE2eTest, ATraceTheKioskCannotFollowIsReportedAsADivergence) {
    trace_ = dir_ / "session.trace";
    (void)record_session_with_paper_out();
    // Drop the "receipt please" touch: the replayed kiosk never prints, so the recorded print
    // command is never reached.
    std::ifstream in(trace_);
    std::string kept;
    for (std::string line; std::getline(in, line);) {
        if (line.find("\"receipt_yes\"") == std::string::npos) kept += line + "\n";
    }
    in.close();
    std::ofstream(trace_, std::ios::trunc) << kept;

    std::ostringstream out;
    EXPECT_EQ(replay(out), 1) << out.str();
    EXPECT_NE(out.str().find("replay DIVERGED from the trace"), std::string::npos) << out.str();
    const bool named = out.str().find("divergence: ") != std::string::npos || out.str().find("not reached: ") != std::string::npos;
    EXPECT_TRUE(named) << out.str();
}

TEST_F(SessionReplayE2eTest, AMalformedTraceStopsTheReplayNamingTheLine) {
    trace_ = dir_ / "bad.trace";
    std::ofstream(trace_) << "{\"kind\":\"command\"}\n";
    std::ostringstream out;
    try {
        (void)replay(out);
        FAIL() << "expected a start-up error";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find(":1:"), std::string::npos) << error.what();
    }
}

}  // namespace
}  // namespace kiosk
