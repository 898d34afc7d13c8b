// An alert condition as the operations centre sees it (issue 12, "health alerts home"): a stable
// id, how bad it is, the cause in plain words and what to do about it. Made by health_conditions.hpp
// from what the kiosk knows; raised and cleared once per episode by AlertMonitor.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk {

enum class AlertSeverity : std::uint8_t {
    warning,   // the kiosk still serves fully; act before it does not (paper near end, cassette low)
    degraded,  // the kiosk serves without something (no receipts, no withdrawals, no cards)
    critical,  // the kiosk serves nobody, or a security concern
};

std::string_view to_string(AlertSeverity severity);

struct Alert {
    // Stable and unique per condition and subject, e.g. "paper_near_end", "cassette_low.1",
    // "device.card_reader": the key of an episode, and what the bank's alert rules match.
    std::string id;
    AlertSeverity severity = AlertSeverity::warning;
    std::string cause;             // plain words, e.g. "receipt paper near its end"
    std::string suggested_action;  // e.g. "replace the receipt roll at the next visit"

    friend bool operator==(const Alert&, const Alert&) = default;
};

}  // namespace kiosk
