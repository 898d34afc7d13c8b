// `kiosk --sim --headless`: the demo scenario in virtual time, with every screen saved as PNG.
#pragma once

#include <ostream>

#include "kiosk/config/kiosk_config.hpp"

namespace kiosk {

// Returns the process exit code: 0 when both visits completed and the CRM acknowledged every
// record. Throws std::runtime_error on start-up failures.
int run_headless_demo(KioskConfig config, std::ostream& out);

}  // namespace kiosk
