// What a terminal tells the operations centre over MQTT (docs/operations.md, "Topics and
// payloads"): its status (retained: a subscriber that comes later sees the latest at once), the
// last will the broker publishes when the terminal goes silent, alert changes and the daily
// service-quality index. Plain JSON, never any card data: device states, reasons in words, counts.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/clock.hpp"
#include "kiosk/health/alert_monitor.hpp"
#include "kiosk/runtime/service_fitness.hpp"

namespace kiosk::fleet {

// <prefix>/<bank>/<terminal>/status, …/alerts, …/sqi.
struct FleetTopics {
    std::string status;
    std::string alerts;
    std::string sqi;
};
FleetTopics fleet_topics(const std::string& prefix, const std::string& bank, const std::string& terminal);

// A bank name as one topic level: letters and digits kept, anything else '_' ("Kiosk Bank" →
// "Kiosk_Bank"); at most 64 characters.
std::string topic_level(const std::string& text);

enum class TerminalState : std::uint8_t { in_service, degraded, out_of_service, offline };
std::string_view to_string(TerminalState state);

struct TerminalStatus {
    std::string terminal;
    TerminalState state = TerminalState::in_service;
    std::vector<std::string> reasons;              // the fitness monitor's problems, in words
    std::map<std::string, std::string> devices;    // device → XFS-style state ("online", "noDevice", …)
    std::optional<std::string> paper;              // "ok", "nearEnd", "out"; nullopt: not known
    std::vector<std::string> open_alerts;          // ids of the alert episodes open now
    std::string version;
    TimePoint time;
};

// The status from the fitness monitor's last round (nullopt devices: before the first one).
TerminalStatus terminal_status(const std::string& terminal, const ServiceFitness& fitness,
                               const std::optional<DeviceHealth>& devices, std::vector<std::string> open_alerts,
                               std::string version, TimePoint now);

nlohmann::json to_json(const TerminalStatus& status);
// The last will (reason "connection_lost") and the farewell of an orderly stop (reason "stopped").
nlohmann::json offline_status(const std::string& terminal, std::string_view reason);
// The alert record's payload (kiosk/health/alert_payload.hpp) with the terminal's id.
nlohmann::json alert_message(const std::string& terminal, const AlertChange& change);

}  // namespace kiosk::fleet
