// For loops that run in virtual time (tests, the headless demo, trace replay): one turn of the
// runtime, then — while a device command or host request other than the routine polls is
// outstanding — the workers' answers are waited for, in real time and bounded, and delivered by
// further turns. So a chain of commands (status → pick → present) completes within one step of
// virtual time and a scenario reads like the customer's story instead of a race between threads.
// A real terminal never does this: its loop just ticks at the frame rate.
#pragma once

#include <chrono>

#include "kiosk/runtime/runtime.hpp"

namespace kiosk {

// `rounds` bounds the chain one turn may wait for; a worker stuck longer than `limit` (a device
// that never answers) is left to its deadline in virtual time, as on a terminal.
inline void settled_turn(Runtime& runtime, int rounds = 32,
                         std::chrono::milliseconds limit = std::chrono::milliseconds(10'000)) {
    runtime.tick();
    for (int round = 0; round < rounds; ++round) {
        if (!runtime.wait_for_workers(limit)) return;
        runtime.tick();
        if (runtime.work_outstanding() == 0) return;
    }
}

}  // namespace kiosk
