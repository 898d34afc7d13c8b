// ControlServer: the simulator's control socket server is the shared LineServer
// (common/line_server.hpp); sim_control_server_options() are its settings for the simulator —
// mode 0600, lines up to max_control_line, an {"ok":false,…} reply to a line too long.
#pragma once

#include "common/line_server.hpp"

namespace kiosk::sim {

using ControlServer = kiosk::LineServer;
using ControlServerOptions = kiosk::LineServerOptions;

ControlServerOptions sim_control_server_options();

}  // namespace kiosk::sim
