#include "kiosk/health/health_conditions.hpp"

#include <cstdio>

#include "drivers/cash/cassette.hpp"
#include "ui/i18n.hpp"

namespace kiosk {

namespace {

using drivers::CassetteState;
using drivers::RecommendedAction;

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) text += (text.empty() ? "" : "; ") + line;
    return text;
}

AlertWords said(std::string key, std::vector<std::string> args = {}) { return {std::move(key), std::move(args)}; }

std::string english(const AlertWords& words) {
    ui::FactLine line{"", words.key, std::nullopt, ""};
    line.value_args = words.args;
    return ui::fact_value(line, ui::Language::English);
}

// One alert whose English cause and action are its words in English (the one text of each).
// A cause with no words of its own (a speech engine's or a certificate check's message) stays
// as it came, in both languages: its key is empty.
void raise(std::vector<Alert>& alerts, std::string id, AlertSeverity severity, AlertWords cause, AlertWords action,
           std::string raw_cause = {}) {
    Alert alert{std::move(id), severity, cause.key.empty() ? std::move(raw_cause) : english(cause), english(action)};
    alert.cause_words = std::move(cause);
    alert.action_words = std::move(action);
    alerts.push_back(std::move(alert));
}

std::string key_of(std::string_view key) { return "i18n:" + std::string(key); }

// What a technician should do, from the device's own XFS-style recommendation.
AlertWords device_action(const drivers::DeviceStatus& status) {
    if (status.state == drivers::DeviceState::noDevice) return said("alert.action.device_cable");
    if (!status.error) return said("alert.action.device_reset");
    switch (status.error->action) {
        case RecommendedAction::reset: return said("alert.action.device_reset");
        case RecommendedAction::softwareError: return said("alert.action.device_firmware");
        case RecommendedAction::configuration: return said("alert.action.device_configuration");
        case RecommendedAction::clear: return said("alert.action.device_clear");
        case RecommendedAction::maintenance: return said("alert.action.device_maintenance");
        case RecommendedAction::suspend: return said("alert.action.device_wait");
    }
    return said("alert.action.technician");
}

void device(std::vector<Alert>& alerts, const std::string& name, const drivers::DeviceStatus& status,
            AlertSeverity severity) {
    if (status.usable()) return;
    AlertWords state = device_state_words(status);
    state.args.insert(state.args.begin(), key_of("alert.device." + name));
    if (state.key == "device.words.state_detail") {
        state.key = "alert.cause.device_detail";
    } else {  // the state's own key: the device's name, then it
        state.args = {state.args.front(), key_of(state.key)};
        state.key = "alert.cause.device";
    }
    raise(alerts, "device." + name, severity, std::move(state), device_action(status));
}

AlertWords out_of_service_action(flow::OutOfServiceReason reason) {
    switch (reason) {
        case flow::OutOfServiceReason::Tamper: return said("alert.action.tamper");
        case flow::OutOfServiceReason::Devices: return said("alert.action.devices");
        case flow::OutOfServiceReason::HostUnreachable: return said("alert.action.host_unreachable");
        case flow::OutOfServiceReason::StorageFull: return said("alert.action.storage_full");
    }
    return said("alert.action.technician");
}

// "tamper", "devices", "host_unreachable", "storage_full": the reason's i18n key without its prefix.
std::string reason_name(flow::OutOfServiceReason reason) {
    const std::string key = flow::i18n_key(reason);
    return key.substr(key.find('.') + 1);
}

std::string money_name(const drivers::CassetteInfo& cassette) {
    char amount[32];
    std::snprintf(amount, sizeof amount, "%u.%02u", cassette.denomination / 100, cassette.denomination % 100);
    return cassette.currency + " " + amount;
}

void cassettes(std::vector<Alert>& alerts, const drivers::DispenserStatus& dispenser) {
    for (std::size_t index = 0; index < dispenser.cassettes.size(); ++index) {
        const drivers::CassetteInfo& cassette = dispenser.cassettes[index];
        const std::string number = std::to_string(index);
        const std::string money = money_name(cassette);
        switch (cassette.state) {
            case CassetteState::ok:
            case CassetteState::notConfigured:
                break;
            case CassetteState::low:
                raise(alerts, "cassette_low." + number, AlertSeverity::warning,
                      said("alert.cause.cassette_low", {number, money, std::to_string(cassette.count)}),
                      said("alert.action.cassette_low", {number}));
                break;
            case CassetteState::empty:
                raise(alerts, "cassette_empty." + number, AlertSeverity::degraded,
                      said("alert.cause.cassette_empty", {number, money}), said("alert.action.cassette_empty", {number}));
                break;
            case CassetteState::inoperative:
            case CassetteState::missing:
                raise(alerts, "cassette_fault." + number, AlertSeverity::degraded,
                      said("alert.cause.cassette_" + std::string(drivers::to_string(cassette.state)), {number, money}),
                      said("alert.action.cassette_fault", {number}));
                break;
            case CassetteState::manipulated:
                raise(alerts, "cassette_fault." + number, AlertSeverity::critical,
                      said("alert.cause.cassette_manipulated", {number, money}),
                      said("alert.action.cassette_manipulated", {number}));
                break;
        }
    }
}

void devices(std::vector<Alert>& alerts, const DeviceHealth& health, const HealthInputs& inputs) {
    device(alerts, "card_reader", health.card_reader.device, AlertSeverity::degraded);
    device(alerts, "pin_pad", health.pin_pad.device, AlertSeverity::critical);
    device(alerts, "printer", health.printer.device, AlertSeverity::degraded);
    if (health.dispenser) device(alerts, "dispenser", health.dispenser->device, AlertSeverity::degraded);
    if (health.sensors && !health.sensors->ok()) {
        raise(alerts, "device.sensors", AlertSeverity::critical,
              said("alert.cause.sensors", {health.sensors->error().message}), said("alert.action.sensors"));
    }

    if (health.printer.device.usable() && health.printer.paper == drivers::PaperState::nearEnd) {
        raise(alerts, "paper_near_end", AlertSeverity::warning, said("alert.cause.paper_near_end"),
              said("alert.action.paper_near_end"));
    } else if (health.printer.device.usable() && health.printer.paper == drivers::PaperState::out) {
        raise(alerts, "paper_out", AlertSeverity::degraded, said("alert.cause.paper_out"), said("alert.action.paper_out"));
    }

    const drivers::CaptureBin& bin = health.card_reader.bin;
    if (bin.capacity > 0 && bin.full()) {
        raise(alerts, "capture_bin_full", AlertSeverity::degraded,
              said("alert.cause.capture_bin_full", {std::to_string(bin.count)}), said("alert.action.capture_bin_full"));
    } else if (bin.capacity > 0 && bin.count + inputs.capture_bin_margin >= bin.capacity) {
        raise(alerts, "capture_bin_nearly_full", AlertSeverity::warning,
              said("alert.cause.capture_bin_nearly_full", {std::to_string(bin.count), std::to_string(bin.capacity)}),
              said("alert.action.capture_bin_nearly_full"));
    }
    if (health.dispenser) cassettes(alerts, *health.dispenser);
}

}  // namespace

AlertWords device_state_words(const drivers::DeviceStatus& status) {
    const std::string state = key_of("device.state." + std::string(drivers::to_string(status.state)));
    if (!status.error || status.error->description.empty()) return said(state.substr(5));  // "i18n:" off
    return said("device.words.state_detail", {state, status.error->description});
}

std::vector<Alert> current_conditions(const HealthInputs& inputs) {
    std::vector<Alert> alerts;
    if (inputs.fitness.out_of_service) {
        const flow::OutOfServiceReason reason = *inputs.fitness.out_of_service;
        raise(alerts, "out_of_service", AlertSeverity::critical,
              said("alert.cause.out_of_service", {key_of("alert.reason." + reason_name(reason)), joined(inputs.fitness.problems)}),
              out_of_service_action(reason));
    }
    if (inputs.devices != nullptr) devices(alerts, *inputs.devices, inputs);
    if (inputs.outbox && inputs.outbox->alarm) {
        char percent[16];
        std::snprintf(percent, sizeof percent, "%.0f", inputs.outbox->percent);
        raise(alerts, "outbox_backlog", AlertSeverity::warning,
              said("alert.cause.outbox_backlog", {percent, std::to_string(inputs.outbox->records)}),
              said("alert.action.outbox_backlog"));
    }
    if (inputs.speech_problem) {
        // Blind customers cannot be guided; everyone else is served as before.
        raise(alerts, "speech_unavailable", AlertSeverity::degraded, {}, said("alert.action.speech_unavailable"),
              *inputs.speech_problem);
    }
    if (!inputs.certificate_notices.empty()) {
        raise(alerts, "certificate_expiry", AlertSeverity::warning, {}, said("alert.action.certificate_expiry"),
              joined(inputs.certificate_notices));
    }
    for (const ScreenErrorBurst& burst : inputs.screen_errors) {
        const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(burst.window).count();
        raise(alerts, "screen_errors." + burst.screen, AlertSeverity::warning,
              said("alert.cause.screen_errors", {std::to_string(burst.errors), burst.screen, std::to_string(minutes)}),
              said("alert.action.screen_errors"));
    }
    if (inputs.operator_key_held && *inputs.operator_key_held >= inputs.operator_key_limit) {
        const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(*inputs.operator_key_held).count();
        raise(alerts, "operator_key_left", AlertSeverity::warning,
              said("alert.cause.operator_key_left", {std::to_string(minutes)}), said("alert.action.operator_key_left"));
    }
    if (inputs.service_mode_open && *inputs.service_mode_open >= inputs.service_mode_limit) {
        const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(*inputs.service_mode_open).count();
        raise(alerts, "service_mode_left_open", AlertSeverity::warning,
              inputs.service_technician.empty()
                  ? said("alert.cause.service_mode_open_nobody", {std::to_string(minutes)})
                  : said("alert.cause.service_mode_open", {std::to_string(minutes), inputs.service_technician}),
              said("alert.action.service_mode_left_open"));
    }
    return alerts;
}

}  // namespace kiosk
