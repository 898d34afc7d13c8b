#include "kiosk/service/systemd_notifier.hpp"

#include <systemd/sd-daemon.h>

#include <cstdint>
#include <cstdlib>

namespace kiosk::service {

SystemdNotifier SystemdNotifier::from_environment() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    if (socket == nullptr || *socket == '\0') return {};
    std::optional<Millis> watchdog;
    std::uint64_t usec = 0;
    // > 0 only when WATCHDOG_USEC is set and WATCHDOG_PID, if set, is this process.
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        // Rounded down to whole milliseconds, at least 1: pinging early is harmless, late is not.
        watchdog = Millis(usec / 1000 == 0 ? 1 : static_cast<Millis::rep>(usec / 1000));
    }
    // The environment is kept (unset_environment 0): nothing else reads it, and a restart of the
    // loop in the same process would still find it. sd_notify sends one datagram to systemd's
    // local socket; its result is ignored because there is nothing useful to do when PID 1 is gone.
    return SystemdNotifier(
        [](std::string_view message) { (void)sd_notify(0, std::string(message).c_str()); }, watchdog);
}

SystemdNotifier::SystemdNotifier(Send send, std::optional<Millis> watchdog)
    : send_(std::move(send)), watchdog_(watchdog) {}

void SystemdNotifier::report(std::string_view status) {
    if (!active() || (ready_sent_ && status == last_status_)) return;
    last_status_ = status;
    send_((ready_sent_ ? "STATUS=" : "READY=1\nSTATUS=") + last_status_);
    ready_sent_ = true;
}

void SystemdNotifier::on_turn(TimePoint now) {
    if (!active() || !watchdog_) return;
    // A wall clock stepped back (NTP, a technician) reads as "not due" for as long as the step:
    // ping then too, or systemd would restart a kiosk whose loop is fine.
    const bool due = !last_ping_ || now < *last_ping_ || now - *last_ping_ >= *watchdog_ / 2;
    if (!due) return;
    last_ping_ = now;
    send_("WATCHDOG=1");
}

void SystemdNotifier::stopping() {
    if (!active()) return;
    send_("STOPPING=1");
}

}  // namespace kiosk::service
