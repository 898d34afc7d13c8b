// The control socket's protocol: JSON Lines over a Unix stream socket, one request object per
// line, one reply object per line. Requests: {"command": "<name>", …arguments}; replies:
// {"ok": true, …} or {"ok": false, "error": "<what was wrong>"}. docs/simulator.md lists them.
// The parser takes bytes from another process: it bounds the line, checks every field's type and
// names the first problem (the line, the JSON and the command: common/json_command_line.hpp);
// tests/fuzz/control_request_fuzz.cpp fuzzes it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/result.hpp"
#include "sim/devices/fault_mode.hpp"

namespace kiosk::sim {

inline constexpr std::size_t max_control_line = 16 * 1024;

enum class ControlCommand : std::uint8_t {
    status,
    insertCard,
    press,
    takeCard,
    takeCash,
    takeReceipt,
    fault,
    clearFaults,
    headset,
};

struct ControlRequest {
    ControlCommand command = ControlCommand::status;
    std::string card;     // insert-card: deck card id
    std::string keys;     // press
    std::string device;   // fault
    std::string fault;    // fault
    FaultMode mode = FaultMode::once;  // fault: "next" → once, "permanent" → always
    std::uint32_t cassette = 0;        // fault, optional
    std::uint32_t after = 0;           // fault, optional
    bool plugged = false;              // headset
};

std::string_view to_string(ControlCommand command);  // "insert-card", …

Result<ControlRequest> parse_control_request(std::string_view line);
nlohmann::json to_json(const ControlRequest& request);

// {"ok":false,"error":message} as one line (no newline).
std::string error_reply(std::string_view message);

}  // namespace kiosk::sim
