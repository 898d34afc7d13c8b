// Carries out one parsed control request on SimControl and builds its reply object. Runs on the
// thread that owns the devices (see control_mailbox.hpp).
#pragma once

#include <nlohmann/json.hpp>

#include "sim/control/control_protocol.hpp"
#include "sim/control/sim_control.hpp"

namespace kiosk::sim {

nlohmann::json execute(SimControl& control, const ControlRequest& request);

// The status reply's "devices" array, also what `kioskctl sim status` prints.
nlohmann::json to_json(const std::vector<DeviceReport>& reports);

}  // namespace kiosk::sim
