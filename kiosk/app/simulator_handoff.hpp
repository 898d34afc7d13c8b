// `kiosk --sim …`: the production program links nothing of sim/, so it hands the whole command
// line to kiosk-sim, the simulator program built beside it (build/bin/kiosk-sim), by exec — same
// process id, same arguments, same exit code, as if kiosk itself had run the simulator.
#pragma once

namespace kiosk {

// True when the arguments ask for the simulator (`--sim` anywhere among them).
bool wants_simulator(int argc, char** argv);

// Replaces this process with kiosk-sim from this program's own directory. Returns only when that
// fails, after one line on stderr ("kiosk: --sim needs kiosk-sim beside this program …"); the
// result is the exit code, 1.
int exec_simulator(char** argv);

}  // namespace kiosk
