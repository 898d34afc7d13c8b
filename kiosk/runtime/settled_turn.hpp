// For loops that run in virtual time (tests, the headless demo, trace replay): one turn of the
// runtime, then the workers' answers are waited for — in real time, bounded — and delivered by
// further turns, so that a scenario in virtual time reads like the customer's story instead of a
// race between threads. A real terminal never does this: its loop just ticks at the frame rate.
#pragma once

#include <chrono>

#include "kiosk/runtime/runtime.hpp"

namespace kiosk {

// `rounds` bounds the chain of commands one turn may wait for (a dispense is status → pick →
// present → status). A worker stuck longer than `limit` is left to its deadline, as on a terminal.
inline void settled_turn(Runtime& runtime, int rounds = 4,
                         std::chrono::milliseconds limit = std::chrono::milliseconds(10'000)) {
    runtime.tick();
    for (int round = 0; round < rounds; ++round) {
        if (!runtime.wait_for_workers(limit)) return;
        runtime.tick();
    }
}

}  // namespace kiosk
