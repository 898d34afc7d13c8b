// The kiosk's control socket protocol (docs/kioskctl.md, "The control socket"): JSON Lines over a
// Unix stream socket, one request object per line, one reply object per line. Requests:
// {"command": "status"}, {"command": "selftest", "device": "printer", "actor": "technician:T1"},
// {"command": "upload-now", "actor": …}, {"command": "cassettes"},
// {"command": "replenish", "counts": [200, 150], "capacity": 2500, "actor": …}; replies {"ok": true, …} or
// {"ok": false, "error": "<what was wrong>"}. The parser takes bytes from another process: it
// bounds the line (common/json_command_line.hpp, shared with the simulator's socket), refuses
// unknown fields, checks every field's type and names the first problem;
// tests/fuzz/kiosk_control_request_fuzz.cpp fuzzes it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.hpp"

namespace kiosk::control {

inline constexpr std::size_t max_kiosk_control_line = 4 * 1024;

enum class KioskCommand : std::uint8_t {
    status,     // the TerminalStatus snapshot
    selftest,   // every (or one) device tested through its worker (remote_self_test.hpp); idle kiosk only
    uploadNow,  // one upload round to the CRM now; what was sent
    cassettes,  // the dispenser's cassettes as last read (for kioskctl balance)
    replenish,  // the dispenser's counts set, then the cash ledger (kioskctl replenish); idle kiosk only
};

struct KioskRequest {
    KioskCommand command = KioskCommand::status;
    std::optional<std::string> device;  // selftest: one of kiosk_device_names()
    std::optional<std::string> actor;   // who asked: "technician:<id>" (kioskctl signed them in)
    std::vector<std::uint32_t> counts;  // replenish: notes per cassette, 1–16 counts of 0–1000000
    std::optional<std::uint32_t> capacity;  // replenish: the most notes one cassette holds (1–100000)
};

inline constexpr std::size_t max_replenish_cassettes = 16;
inline constexpr std::uint32_t max_replenish_count = 1'000'000;
inline constexpr std::uint32_t max_replenish_capacity = 100'000;

std::string_view to_string(KioskCommand command);  // "status", "selftest", "upload-now", "cassettes", "replenish"
// The device names selftest takes: card_reader, pin_pad, printer, dispenser, sensors, speech
// (kiosk/maintenance/remote_self_test.hpp, remote_test_devices(): the same list).
const std::vector<std::string>& kiosk_device_names();

Result<KioskRequest> parse_kiosk_request(std::string_view line);
nlohmann::json to_json(const KioskRequest& request);

// {"ok":false,"error":message} as one line (no newline).
std::string kiosk_error_reply(std::string_view message);

}  // namespace kiosk::control
