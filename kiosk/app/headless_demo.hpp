// `kiosk --sim --headless`: the demo scenario in virtual time, with every screen saved as PNG.
#pragma once

#include <ostream>

#include "kiosk/config/kiosk_config.hpp"
#include "sim/control/sim_instruments.hpp"

namespace kiosk {

// Returns the process exit code: 0 when both visits completed and the CRM acknowledged every
// record. Throws std::runtime_error on start-up failures. `instruments`: the control socket and
// an optional device trace to record (`kiosk --trace`).
int run_headless_demo(KioskConfig config, const sim::SimInstrumentOptions& instruments, std::ostream& out);

}  // namespace kiosk
