// The client side of the control socket: one request, one reply, each bounded by a timeout.
// kioskctl's `sim` commands use it; so do the tests.
#pragma once

#include <filesystem>

#include <nlohmann/json.hpp>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "sim/control/control_protocol.hpp"

namespace kiosk::sim {

// Connects to `socket`, sends `request`, returns the reply object. A missing socket file or one
// nobody listens on says "… not found / not answering: is `kiosk --sim` running?"; those errors
// have native_code ENOENT / ECONNREFUSED.
Result<nlohmann::json> send_control_request(const std::filesystem::path& socket, const ControlRequest& request,
                                            Millis timeout = Millis{5000});

// The same for a raw line (tests send malformed requests with it).
Result<nlohmann::json> send_control_line(const std::filesystem::path& socket, std::string_view line,
                                         Millis timeout = Millis{5000});

}  // namespace kiosk::sim
