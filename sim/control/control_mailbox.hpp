// ControlMailbox: the simulator's control requests carried to the loop thread that owns the
// simulated devices — a CallMailbox (common/async/call_mailbox.hpp) whose jobs answer JSON.
#pragma once

#include <nlohmann/json.hpp>

#include "common/async/call_mailbox.hpp"

namespace kiosk::sim {

using ControlMailbox = CallMailbox<nlohmann::json>;

}  // namespace kiosk::sim
