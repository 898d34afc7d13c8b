// `kiosk --config FILE` on the terminal's own hardware: the real drivers from [devices]
// (kiosk/hardware), the bank host link from [host], the CRM uploader from [crm], a full-screen
// window when a display is available (else the offscreen display), the system clock, and the
// runtime ticked at ~60 Hz until SIGTERM or SIGINT. A device that is absent is reported by the
// runtime (out of service with the reason, a journal line) and picked up when it appears.
#pragma once

#include "kiosk/app/stop_signals.hpp"
#include "kiosk/config/kiosk_config.hpp"

namespace kiosk {

struct ProductionOptions {
    // Use the offscreen display and save every screen shown as PNG in [ui] screens_dir
    // (screen_saving_display.hpp); without it nothing is saved.
    bool save_screens = false;
};

// Returns 0 once `stop` is requested (or the window is closed). Throws on start-up failures — a
// required key unset ([host] address, crm.url, crm.record_public_keys, the card reader, PIN pad or
// printer in [devices]),
// the database, the keys file, a certificate — with a one-line message; main turns it into exit 1.
int run_production(const KioskConfig& config, const ProductionOptions& options, const StopSignals& stop);

// The start-up checks run_production makes on the config before it opens anything.
void require_production_config(const KioskConfig& config);

}  // namespace kiosk
