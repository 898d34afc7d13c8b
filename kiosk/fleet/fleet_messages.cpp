#include "kiosk/fleet/fleet_messages.hpp"

#include "drivers/printer/escpos_status.hpp"
#include "kiosk/health/alert_payload.hpp"

namespace kiosk::fleet {

FleetTopics fleet_topics(const std::string& prefix, const std::string& bank, const std::string& terminal) {
    const std::string base = prefix + "/" + bank + "/" + terminal + "/";
    return FleetTopics{base + "status", base + "alerts", base + "sqi"};
}

std::string topic_level(const std::string& text) {
    std::string level;
    for (const char c : text) {
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                           c == '_' || c == '.';
        level += plain ? c : '_';
        if (level.size() == 64) break;
    }
    return level.empty() ? std::string("bank") : level;
}

std::string_view to_string(TerminalState state) {
    switch (state) {
        case TerminalState::in_service: return "in_service";
        case TerminalState::degraded: return "degraded";
        case TerminalState::out_of_service: return "out_of_service";
        case TerminalState::offline: return "offline";
    }
    return "offline";
}

TerminalStatus terminal_status(const std::string& terminal, const ServiceFitness& fitness,
                               const std::optional<DeviceHealth>& devices, std::vector<std::string> open_alerts,
                               std::string version, TimePoint now) {
    TerminalStatus status;
    status.terminal = terminal;
    if (!fitness.serving()) {
        status.state = TerminalState::out_of_service;
    } else if (!fitness.problems.empty() || !fitness.receipts || !fitness.withdrawals || !fitness.cards) {
        status.state = TerminalState::degraded;
    }
    status.reasons = fitness.problems;
    if (devices) {
        status.devices["card_reader"] = drivers::to_string(devices->card_reader.device.state);
        status.devices["pin_pad"] = drivers::to_string(devices->pin_pad.device.state);
        status.devices["printer"] = drivers::to_string(devices->printer.device.state);
        if (devices->dispenser) status.devices["dispenser"] = drivers::to_string(devices->dispenser->device.state);
        if (devices->sensors) status.devices["sensors"] = devices->sensors->ok() ? "online" : "offline";
        status.devices["host"] = devices->host_reachable ? "online" : "offline";
        if (devices->printer.paper) status.paper = std::string(drivers::to_string(*devices->printer.paper));
    }
    status.open_alerts = std::move(open_alerts);
    status.version = std::move(version);
    status.time = now;
    return status;
}

nlohmann::json to_json(const TerminalStatus& status) {
    return nlohmann::json{
        {"terminal", status.terminal},
        {"state", to_string(status.state)},
        {"reasons", status.reasons},
        {"devices", status.devices},
        {"paper", status.paper ? nlohmann::json(*status.paper) : nlohmann::json(nullptr)},
        {"alerts", status.open_alerts},
        {"version", status.version},
        {"time_unix_ms", to_unix_millis(status.time)},
    };
}

nlohmann::json offline_status(const std::string& terminal, std::string_view reason) {
    return nlohmann::json{{"terminal", terminal}, {"state", "offline"}, {"reason", reason}};
}

nlohmann::json alert_message(const std::string& terminal, const AlertChange& change) {
    nlohmann::json message = alert_payload(change);
    message["terminal"] = terminal;
    return message;
}

}  // namespace kiosk::fleet
