// `kiosk-sim --load N`: the simulated customers' load the crash tests run the kiosk under — visit
// after visit on the simulator in virtual time (balance inquiries with and without receipts,
// every third one a withdrawal), with the CRM uploader on its own thread in real time, as in
// service. Nothing is saved as PNG. Killed at any instant, the kiosk keeps every committed record
// (docs/testing.md § Crash tests); `--drain` starts it without customers to deliver what is left.
#pragma once

#include <chrono>
#include <cstddef>
#include <ostream>

#include "kiosk/config/kiosk_config.hpp"

namespace kiosk {

struct CustomerLoad {
    std::size_t visits = 0;  // 0: until the process is stopped or killed
    bool drain = false;      // no customers: upload until the outbox is empty, then exit
    std::chrono::seconds drain_bound{60};  // a drain that cannot empty the outbox by then fails
};

// Returns the exit code: 0 when the visits ran (or the drain emptied the outbox). Throws
// std::runtime_error on start-up failures, like the other simulator modes.
int run_customer_load(KioskConfig config, const CustomerLoad& load, std::ostream& out);

}  // namespace kiosk
