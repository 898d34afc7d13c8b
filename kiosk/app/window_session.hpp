// `kiosk --sim` with a display: the kiosk in a 1024×768 window on the simulator, real time, the
// CRM uploader on its thread. The keyboard plays the customer (docs/simulator.md):
//   I insert the next deck card · T take the card · 0–9 PIN pad digits · Enter PIN pad enter
//   Backspace PIN pad backspace · Delete PIN pad clear · Escape PIN pad cancel
//   F1–F8 the pad's keys beside the screen · close window: quit
#pragma once

#include "kiosk/config/kiosk_config.hpp"
#include "sim/control/sim_instruments.hpp"

namespace kiosk {

// `instruments`: the control socket and an optional device trace to record (`kiosk --trace`).
int run_window_session(KioskConfig config, const sim::SimInstrumentOptions& instruments);

}  // namespace kiosk
