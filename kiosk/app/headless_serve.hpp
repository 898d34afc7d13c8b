// `kiosk --sim --headless --serve`: the kiosk on the simulator with no window and no demo, on the
// real clock, idling in Attract with both control sockets open — the simulator's (kioskctl sim …:
// play the customer, inject faults) and the kiosk's own (kioskctl status, selftest, upload-now) —
// until SIGTERM or SIGINT. For a bench without a display, and for the tests that run kioskctl
// against a live kiosk (tests/e2e/kioskctl_live_e2e_test.cpp).
#pragma once

#include <ostream>

#include "kiosk/config/kiosk_config.hpp"
#include "sim/control/sim_instruments.hpp"

namespace kiosk {

// Returns 0 after a stop signal. Prints one "serving …" line once both sockets are open.
int run_headless_serve(KioskConfig config, const sim::SimInstrumentOptions& instruments, std::ostream& out);

}  // namespace kiosk
