// `kiosk --sim --headless --replay <trace>`: a field incident reproduced on a developer's PC. The
// kiosk runs on the simulator in virtual time while the recorded device trace drives the world:
// the card goes in, keys are pressed, faults strike the command they struck, and each recorded
// touch is made again once the kiosk shows the state it was made in. Prints every divergence
// and the devices' final status; docs/simulator.md, "Trace and replay".
#pragma once

#include <ostream>

#include "kiosk/config/kiosk_config.hpp"
#include "sim/control/sim_instruments.hpp"

namespace kiosk {

// `instruments.replay_file` must be set; `trace_file` may be too (record the replay itself).
// Returns 0 when every record was matched with no divergence, 1 otherwise. Throws
// std::runtime_error on start-up failures (an unreadable or malformed trace names its line).
int run_headless_replay(KioskConfig config, sim::SimInstrumentOptions instruments, std::ostream& out);

}  // namespace kiosk
