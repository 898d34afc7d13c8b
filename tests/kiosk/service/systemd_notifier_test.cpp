// SystemdNotifier over a recording Send and the loop's clock as plain TimePoints (no real time):
// READY once, STATUS only on change, the watchdog at half its interval and never otherwise, a
// clock stepped back still pinging, nothing at all off systemd.
#include "kiosk/service/systemd_notifier.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace kiosk::service {
namespace {

class SystemdNotifierTest : public ::testing::Test {
protected:
    SystemdNotifier notifier(std::optional<Millis> watchdog) {
        return SystemdNotifier([this](std::string_view message) { sent_.emplace_back(message); }, watchdog);
    }
    static TimePoint at(std::int64_t millis) { return from_unix_millis(1'800'000'000'000 + millis); }

    std::vector<std::string> sent_;
};

TEST_F(SystemdNotifierTest, TheFirstReportIsReadyWithItsStatusThenOnlyChangesAreSent) {
    SystemdNotifier systemd = notifier(std::nullopt);
    systemd.report("out of service (out_of_service.devices): printer: not connected");
    systemd.report("out of service (out_of_service.devices): printer: not connected");
    systemd.report("in service");
    systemd.report("in service");
    EXPECT_EQ(sent_, (std::vector<std::string>{
                         "READY=1\nSTATUS=out of service (out_of_service.devices): printer: not connected",
                         "STATUS=in service"}));
}

TEST_F(SystemdNotifierTest, TheWatchdogIsPingedAtHalfItsIntervalOnTheLoopsClock) {
    SystemdNotifier systemd = notifier(Millis(30'000));
    systemd.on_turn(at(0));       // the first turn pings
    systemd.on_turn(at(16));      // a tick later: not due
    systemd.on_turn(at(14'999));  // just under half
    EXPECT_EQ(sent_, std::vector<std::string>{"WATCHDOG=1"});
    systemd.on_turn(at(15'000));  // half the interval since the last ping
    systemd.on_turn(at(29'999));
    systemd.on_turn(at(30'000));
    EXPECT_EQ(sent_, (std::vector<std::string>{"WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1"}));
}

// NTP or a technician sets the wall clock back an hour: "now - last" is negative, and a kiosk that
// waited for it to reach 15 s again would be killed by systemd with a healthy loop.
TEST_F(SystemdNotifierTest, AClockSteppedBackStillPings) {
    SystemdNotifier systemd = notifier(Millis(30'000));
    systemd.on_turn(at(3'600'000));
    systemd.on_turn(at(10));
    systemd.on_turn(at(20));
    systemd.on_turn(at(15'010));
    EXPECT_EQ(sent_, (std::vector<std::string>{"WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1"}));
}

TEST_F(SystemdNotifierTest, WithoutAWatchdogTheLoopSendsNothing) {
    SystemdNotifier systemd = notifier(std::nullopt);
    for (std::int64_t turn = 0; turn < 100; ++turn) systemd.on_turn(at(turn * 1'000));
    EXPECT_TRUE(sent_.empty());
    systemd.stopping();
    EXPECT_EQ(sent_, std::vector<std::string>{"STOPPING=1"});
}

TEST_F(SystemdNotifierTest, OffSystemdEveryCallIsANoOp) {
    ::unsetenv("NOTIFY_SOCKET");
    SystemdNotifier systemd = SystemdNotifier::from_environment();
    EXPECT_FALSE(systemd.active());
    systemd.report("in service");
    systemd.on_turn(at(0));
    systemd.stopping();  // would crash on an empty Send if it were called
}

TEST_F(SystemdNotifierTest, TheWatchdogIntervalComesFromWatchdogUsec) {
    ::setenv("NOTIFY_SOCKET", "/nonexistent/notify", 1);
    ::setenv("WATCHDOG_USEC", "400000", 1);
    ::unsetenv("WATCHDOG_PID");
    const SystemdNotifier watched = SystemdNotifier::from_environment();
    EXPECT_TRUE(watched.active());
    EXPECT_EQ(watched.watchdog_interval(), Millis(400));
    // WATCHDOG_PID names another process: the watchdog is not ours to ping.
    ::setenv("WATCHDOG_PID", "1", 1);
    EXPECT_EQ(SystemdNotifier::from_environment().watchdog_interval(), std::nullopt);
    ::unsetenv("WATCHDOG_USEC");
    ::unsetenv("WATCHDOG_PID");
    EXPECT_EQ(SystemdNotifier::from_environment().watchdog_interval(), std::nullopt);
    ::unsetenv("NOTIFY_SOCKET");
}

}  // namespace
}  // namespace kiosk::service
