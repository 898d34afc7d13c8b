// SIGTERM and SIGINT ask the production kiosk to stop: the handler only sets a flag, which the
// run loop reads every tick, so the kiosk finishes its tick, stops the CRM uploader and exits 0
// (systemd's `systemctl stop`, Ctrl-C on a bench). Installed before SDL starts, so SDL leaves the
// two signals to us instead of turning them into a window-close event.
#pragma once

namespace kiosk {

class StopSignals {
public:
    // Installs the handlers; the previous ones come back when this object is destroyed.
    StopSignals();
    ~StopSignals();
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    // True once SIGTERM or SIGINT arrived.
    [[nodiscard]] bool requested() const;
};

}  // namespace kiosk
