// Which alert conditions hold now, from what the kiosk knows at one look: the fitness monitor's
// last device reading and its assessment, the outbox's fill, the certificate notices found at
// start-up, bursts of customer errors on one screen and how long the operator key has been in its
// maintenance position. Pure; each condition names its cause and a suggested action
// (docs/operations.md, "Alert conditions").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "drivers/device_status.hpp"
#include "kiosk/health/alert.hpp"
#include "kiosk/runtime/service_fitness.hpp"
#include "store/outbox.hpp"

namespace kiosk {

// A screen on which customers made `errors` errors within the error window.
struct ScreenErrorBurst {
    std::string screen;  // kiosk/runtime/screen_names.cpp's name
    int errors = 0;
    Millis window{0};
};

struct HealthInputs {
    const DeviceHealth* devices = nullptr;  // nullptr before the fitness monitor's first round
    ServiceFitness fitness;
    std::optional<store::OutboxFill> outbox;        // nullopt: could not be read
    std::vector<std::string> certificate_notices;   // expired or expiring certificates, in words
    std::vector<ScreenErrorBurst> screen_errors;    // already at or over the threshold
    std::optional<Millis> operator_key_held;        // how long the key has read "maintenance"
    Millis operator_key_limit{30 * 60 * 1000};      // held longer: "service left open"
    int capture_bin_margin = 5;                     // this many places left or fewer: nearly full
    std::optional<std::string> speech_problem;      // speech guidance could not start, and why
    std::optional<Millis> service_mode_open;        // how long the service mode has been open
    Millis service_mode_limit{30 * 60 * 1000};      // open longer: "service mode left open"
    std::string service_technician;                 // signed in (empty: not yet)
};

// Every condition that holds, ids unique.
std::vector<Alert> current_conditions(const HealthInputs& inputs);

// A device's state in words: "hardware error" or "hardware error: card jammed in the transport"
// (the description is the driver's own, as it gave it). The service pages' device lines and the
// device alerts' causes use it.
AlertWords device_state_words(const drivers::DeviceStatus& status);

}  // namespace kiosk
