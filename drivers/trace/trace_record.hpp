// TraceRecord: one line of a device trace — a command with its completion, or an event a poll
// returned. It holds names, request ids, times, outcomes, error codes and plain counts/states
// ONLY: never track data, a PAN, a PIN, a PIN block or receipt text (see tracing_drivers.hpp for
// what each device records). One record is one JSON object on one line (JSON Lines).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/result.hpp"

namespace kiosk::drivers {

enum class TraceKind : std::uint8_t { command, event };

struct TraceRecord {
    TraceKind kind = TraceKind::command;
    std::string device;          // "card-reader", "pin-pad", "printer", "dispenser", "sensors"
    std::uint64_t request_id = 0;  // commands: unique per trace; events: the id of the poll
    std::string name;            // command ("eject", "print", …) or event ("inserted", …)
    std::int64_t start_ms = 0;   // Unix ms from the Clock
    std::int64_t end_ms = 0;
    bool ok = true;              // commands: completion outcome
    std::string error_domain;    // when !ok
    int error_code = 0;          // the device's reply code (0 for link failures)
    std::string error;           // the driver's message, digit runs scrubbed (scrub_digits)
    nlohmann::json detail = nlohmann::json::object();  // non-secret facts: states, counts

    // The device-visible outcome without times and ids: what a replay must reproduce.
    [[nodiscard]] nlohmann::json outcome() const;
    friend bool operator==(const TraceRecord&, const TraceRecord&) = default;
};

std::string_view to_string(TraceKind kind);

// One JSON line, without the trailing newline.
std::string to_json_line(const TraceRecord& record);

// Parses one line written by to_json_line; the error names the missing or mistyped field.
Result<TraceRecord> parse_trace_line(std::string_view line);

// Replaces every run of 6 or more digits with '#'s of the same length: driver messages never carry
// card data, and this guarantees a trace cannot, even if one did.
std::string scrub_digits(std::string_view text);

}  // namespace kiosk::drivers
