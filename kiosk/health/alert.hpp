// An alert condition as the operations centre sees it (issue 12, "health alerts home"): a stable
// id, how bad it is, the cause in plain words and what to do about it. Made by health_conditions.hpp
// from what the kiosk knows; raised and cleared once per episode by AlertMonitor.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>
#include <string_view>

namespace kiosk {

enum class AlertSeverity : std::uint8_t {
    warning,   // the kiosk still serves fully; act before it does not (paper near end, cassette low)
    degraded,  // the kiosk serves without something (no receipts, no withdrawals, no cards)
    critical,  // the kiosk serves nobody, or a security concern
};

std::string_view to_string(AlertSeverity severity);

// The same words in the technician's language: an i18n key (ui/i18n_strings.cpp, "alert.*") and
// the values for its "{}"s; a value "i18n:<key>" is itself translated (ui::fact_value).
struct AlertWords {
    std::string key;
    std::vector<std::string> args;

    friend bool operator==(const AlertWords&, const AlertWords&) = default;
};

struct Alert {
    Alert() = default;
    Alert(std::string id_, AlertSeverity severity_, std::string cause_, std::string action_,
          AlertWords cause_words_ = {}, AlertWords action_words_ = {})
        : id(std::move(id_)),
          severity(severity_),
          cause(std::move(cause_)),
          suggested_action(std::move(action_)),
          cause_words(std::move(cause_words_)),
          action_words(std::move(action_words_)) {}

    // Stable and unique per condition and subject, e.g. "paper_near_end", "cassette_low.1",
    // "device.card_reader": the key of an episode, and what the bank's alert rules match.
    std::string id;
    AlertSeverity severity = AlertSeverity::warning;
    std::string cause;             // plain words, e.g. "receipt paper near its end"
    std::string suggested_action;  // e.g. "replace the receipt roll at the next visit"
    // cause and suggested_action are these in English (the CRM's alert record keeps English).
    AlertWords cause_words;
    AlertWords action_words;

    friend bool operator==(const Alert&, const Alert&) = default;
};

}  // namespace kiosk
