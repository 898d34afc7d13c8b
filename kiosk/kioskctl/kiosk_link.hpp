// kioskctl's side of the kiosk's control socket (docs/kioskctl.md, "The control socket"): one
// request, one reply, each bounded by a timeout. "Not running" (no socket file, or nobody
// listening on it) is told apart from every other failure, so that the commands that can work
// from the database alone do so and say "kiosk not running".
#pragma once

#include <filesystem>

#include <nlohmann/json.hpp>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "kiosk/control/kiosk_control_protocol.hpp"

namespace kiosk::kioskctl {

struct KioskReply {
    bool reached = false;  // false: the kiosk is not running (the error says why)
    nlohmann::json reply;  // reached: the kiosk's reply object ({"ok": …})
    std::string error;     // not reached, or the reply could not be read
};

// Sends `request` to the kiosk at `socket`. An Error only for failures after the kiosk was
// reached (a timeout, a reply that is not a reply object).
Result<KioskReply> ask_kiosk(const std::filesystem::path& socket, const control::KioskRequest& request,
                             Millis timeout = Millis{10000});

}  // namespace kiosk::kioskctl
