// kioskctl selftest's device tests in the running kiosk (kiosk/maintenance/remote_self_test.hpp),
// in-process on the simulator: started on the loop, the kiosk shows the out-of-service screen
// with the self-test notice at once and takes no second run; the tests run on the devices'
// workers (the test receipt comes out of the simulated printer naming who asked); once they and
// the fitness round after them are in, the kiosk is back in Attract and each test is journaled
// with the caller. The control socket's side: tests/kiosk/control/; kioskctl's: kioskctl_live_e2e.
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "store/journal.hpp"
#include "tests/e2e/kiosk_on_simulator.hpp"

namespace kiosk::test {
namespace {

using flow::StateId;

class SelfTestE2eTest : public KioskOnSimulator {
protected:
    // The workers run in real time: bounded in real time as well as virtual.
    bool finished_in_time() {
        for (int i = 0; i < 400; ++i) {
            const auto report = runtime().self_test_report();
            if (report && report->finished) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            pass(Millis(100));
        }
        return false;
    }
};

TEST_F(SelfTestE2eTest, TheKioskServesNobodyWhileItsDevicesAreTestedThenAttract) {
    start("kiosk-selftest-e2e");
    ASSERT_EQ(state(), StateId::Attract) << notes_;
    const auto started = runtime().start_self_test(std::nullopt, "technician:T9");
    ASSERT_TRUE(started.ok()) << started.error().to_string();
    EXPECT_EQ(state(), StateId::OutOfService);
    EXPECT_EQ(last_screen_.screen, ui::ScreenId::OutOfService);
    EXPECT_EQ(last_screen_.message_key, "out_of_service.self_test");
    const auto again = runtime().start_self_test(std::string("printer"), "technician:T9");
    ASSERT_FALSE(again.ok());
    EXPECT_NE(again.error().message.find("already running"), std::string::npos) << again.error().message;

    ASSERT_TRUE(finished_in_time()) << notes_;
    const SelfTestReport report = *runtime().self_test_report();
    EXPECT_EQ(report.id, *started);
    ASSERT_EQ(report.lines.size(), 6U);
    for (const SelfTestLine& line : report.lines) EXPECT_TRUE(line.passed) << line.device << ": " << line.result;
    EXPECT_FALSE(report.out_of_service.has_value());
    pass(Millis(500));
    EXPECT_EQ(state(), StateId::Attract) << notes_;
    EXPECT_EQ(last_screen_.screen, ui::ScreenId::Attract);

    const auto printed = rig_->printer().receipts();
    ASSERT_FALSE(printed.empty());
    EXPECT_NE(printed.back().text().find("Self-test asked by technician:T9"), std::string::npos)
        << printed.back().text();

    auto journal = store::Journal(app_->database()).read_all();
    ASSERT_TRUE(journal.ok());
    int tests = 0;
    for (const store::JournalEntry& entry : *journal) {
        if (entry.line.event_type != "self_test") continue;
        ++tests;
        EXPECT_EQ(entry.line.actor, "technician:T9");
        EXPECT_EQ(entry.line.outcome, "success") << entry.line.resource << ": " << entry.line.detail;
    }
    EXPECT_EQ(tests, 6);
    // A device that is not there is refused before anything is tested.
    EXPECT_FALSE(runtime().start_self_test(std::string("toaster"), "technician:T9").ok());
    EXPECT_EQ(state(), StateId::Attract);
}

}  // namespace
}  // namespace kiosk::test
