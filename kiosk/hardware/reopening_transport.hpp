// ReopeningTransport: a Transport for a device that may be absent at start or unplugged later. It
// opens the real link (a UsbTransport) on demand, drops it when the link says the device is gone,
// and tries again on the next I/O or status read — at most once per retry interval, so an absent
// device costs one USB enumeration every 2 s, not one per 60 Hz poll. Until it is open every call
// fails with the reason, kept for the status a technician sees (usb_attached_drivers.hpp).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "common/clock.hpp"
#include "drivers/transport.hpp"

namespace kiosk::hardware {

// Opens the device's link, or says why it cannot: a disconnected_error (drivers/transport.hpp)
// when the device is not there, any other Error when it is there but refuses (permissions, busy).
using TransportOpener = std::function<Result<std::unique_ptr<drivers::Transport>>()>;

class ReopeningTransport final : public drivers::Transport {
public:
    static constexpr Millis default_retry_interval{2'000};

    // `label` names the device for a technician, e.g. "USB ffff:fff0 (devices.printer_usb)".
    // Nothing is opened here: the first I/O or ensure_open() does it.
    ReopeningTransport(std::string label, TransportOpener open, const Clock& clock,
                       Millis retry_interval = default_retry_interval);

    Status write(ByteView bytes, Millis timeout) override;
    Result<Bytes> read(std::size_t max, Millis timeout) override;

    // Open now, or the reason it is not: opens when closed and the last attempt is at least the
    // retry interval old, else repeats the last attempt's failure.
    Status ensure_open();
    [[nodiscard]] bool is_open() const { return link_ != nullptr; }
    [[nodiscard]] const std::string& label() const { return label_; }
    // How many times the opener was called (tests check the rate limit with it).
    [[nodiscard]] std::size_t open_attempts() const { return open_attempts_; }

private:
    // Drops the link when `error` says the device is gone, so the next call opens it again.
    void forget_if_gone(const Error& error);

    std::string label_;
    TransportOpener open_;
    const Clock& clock_;
    Millis retry_interval_;
    std::unique_ptr<drivers::Transport> link_;
    std::optional<TimePoint> last_attempt_;
    Error last_failure_;
    std::size_t open_attempts_ = 0;
};

}  // namespace kiosk::hardware
