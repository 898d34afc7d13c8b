// SystemdNotifier: the kiosk's side of systemd's notify protocol (sd_notify(3)) for a
// `Type=notify` unit with `WatchdogSec=` (kiosk/deploy/kiosk.service). READY=1 once the start-up
// device check is done, WATCHDOG=1 from the loop thread at half the interval systemd asked for (a
// loop that hangs stops pinging and systemd restarts the kiosk), STOPPING=1 on the way out. Not run
// by systemd (no NOTIFY_SOCKET): every call does nothing, so a bench or a test runs the same code.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"

namespace kiosk::service {

class SystemdNotifier {
public:
    // Sends one notify message ("READY=1\nSTATUS=…"); sd_notify in production, a recorder in tests.
    using Send = std::function<void(std::string_view message)>;

    // From the environment systemd sets: NOTIFY_SOCKET (and WATCHDOG_USEC / WATCHDOG_PID, read by
    // sd_watchdog_enabled). Messages go through libsystemd's sd_notify.
    static SystemdNotifier from_environment();
    // `watchdog`: the interval systemd would kill the kiosk after; none: no watchdog. Tests.
    SystemdNotifier(Send send, std::optional<Millis> watchdog);
    // Not under systemd: nothing is ever sent.
    SystemdNotifier() = default;

    [[nodiscard]] bool active() const { return static_cast<bool>(send_); }
    [[nodiscard]] std::optional<Millis> watchdog_interval() const { return watchdog_; }

    // What the kiosk offers now, as the line `systemctl status kiosk` shows. The first call is the
    // kiosk's READY=1 (with STATUS=); later ones send STATUS= alone, and only when it changed.
    void report(std::string_view status);
    // Every loop turn, on the loop thread, with the loop's clock: WATCHDOG=1 when half the interval
    // has passed since the last ping. Never waits; a no-op without a watchdog.
    void on_turn(TimePoint now);
    // STOPPING=1: the kiosk is shutting down on purpose (systemd does not count it as a hang).
    void stopping();

private:
    Send send_;
    std::optional<Millis> watchdog_;
    std::optional<TimePoint> last_ping_;
    std::string last_status_;
    bool ready_sent_ = false;
};

}  // namespace kiosk::service
