#include "kiosk/health/health_conditions.hpp"

#include <cstdio>

#include "drivers/cash/cassette.hpp"

namespace kiosk {

namespace {

using drivers::CassetteState;
using drivers::RecommendedAction;

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) text += (text.empty() ? "" : "; ") + line;
    return text;
}

// What a technician should do, from the device's own XFS-style recommendation.
std::string device_action(const drivers::DeviceStatus& status) {
    if (status.state == drivers::DeviceState::noDevice) return "check the device's cable and power, then its USB id in [devices]";
    if (!status.error) return "reset the device (power-cycle it); send a technician if it stays down";
    switch (status.error->action) {
        case RecommendedAction::reset: return "reset the device (power-cycle it); send a technician if it stays down";
        case RecommendedAction::softwareError: return "check the device's firmware and driver version";
        case RecommendedAction::configuration: return "check the device's configuration";
        case RecommendedAction::clear: return "clear the device (remove the jammed media) and reset it";
        case RecommendedAction::maintenance: return "send a technician for maintenance";
        case RecommendedAction::suspend: return "wait for the device to recover; send a technician if it does not";
    }
    return "send a technician";
}

void device(std::vector<Alert>& alerts, const std::string& name, const std::string& words,
            const drivers::DeviceStatus& status, AlertSeverity severity) {
    if (status.usable()) return;
    alerts.push_back({"device." + name, severity, words + ": " + drivers::describe(status), device_action(status)});
}

std::string out_of_service_action(flow::OutOfServiceReason reason) {
    switch (reason) {
        case flow::OutOfServiceReason::Tamper:
            return "send security and a technician; inspect the kiosk before it serves again";
        case flow::OutOfServiceReason::Devices: return "send a technician for the devices named in the cause";
        case flow::OutOfServiceReason::HostUnreachable:
            return "check the network to the bank host and the host front end; the kiosk retries by itself";
        case flow::OutOfServiceReason::StorageFull:
            return "free disk space on the kiosk, and check that its outbox reaches the CRM";
    }
    return "send a technician";
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
        const std::string name = "cassette " + number + " (" + money_name(cassette) + ")";
        switch (cassette.state) {
            case CassetteState::ok:
            case CassetteState::notConfigured:
                break;
            case CassetteState::low:
                alerts.push_back({"cassette_low." + number, AlertSeverity::warning,
                                  name + " low: " + std::to_string(cassette.count) + " notes left",
                                  "replenish cassette " + number + " at the next cash visit"});
                break;
            case CassetteState::empty:
                alerts.push_back({"cassette_empty." + number, AlertSeverity::degraded, name + " empty",
                                  "replenish cassette " + number + "; its notes are not offered meanwhile"});
                break;
            case CassetteState::inoperative:
            case CassetteState::missing:
                alerts.push_back({"cassette_fault." + number, AlertSeverity::degraded,
                                  name + " " + std::string(drivers::to_string(cassette.state)),
                                  "send a technician to reseat or replace cassette " + number});
                break;
            case CassetteState::manipulated:
                alerts.push_back({"cassette_fault." + number, AlertSeverity::critical,
                                  name + " opened or swapped outside a replenishment",
                                  "send security and the cash-in-transit supervisor; reconcile cassette " + number});
                break;
        }
    }
}

void devices(std::vector<Alert>& alerts, const DeviceHealth& health, const HealthInputs& inputs) {
    device(alerts, "card_reader", "card reader", health.card_reader.device, AlertSeverity::degraded);
    device(alerts, "pin_pad", "PIN pad", health.pin_pad.device, AlertSeverity::critical);
    device(alerts, "printer", "receipt printer", health.printer.device, AlertSeverity::degraded);
    if (health.dispenser) device(alerts, "dispenser", "cash dispenser", health.dispenser->device, AlertSeverity::degraded);
    if (health.sensors && !health.sensors->ok()) {
        alerts.push_back({"device.sensors", AlertSeverity::critical, "sensor board: " + health.sensors->error().message,
                          "check the sensor board's cable and power; the kiosk stays out of service without it"});
    }

    if (health.printer.device.usable() && health.printer.paper == drivers::PaperState::nearEnd) {
        alerts.push_back({"paper_near_end", AlertSeverity::warning, "receipt paper near its end",
                          "replace the receipt roll at the next visit"});
    } else if (health.printer.device.usable() && health.printer.paper == drivers::PaperState::out) {
        alerts.push_back({"paper_out", AlertSeverity::degraded, "receipt paper out: receipts are not offered",
                          "replace the receipt roll"});
    }

    const drivers::CaptureBin& bin = health.card_reader.bin;
    if (bin.capacity > 0 && bin.full()) {
        alerts.push_back({"capture_bin_full", AlertSeverity::degraded,
                          "card capture bin full (" + std::to_string(bin.count) + " cards): cards are not accepted",
                          "empty the capture bin and hand the retained cards over as the bank's procedure says"});
    } else if (bin.capacity > 0 && bin.count + inputs.capture_bin_margin >= bin.capacity) {
        alerts.push_back({"capture_bin_nearly_full", AlertSeverity::warning,
                          "card capture bin nearly full (" + std::to_string(bin.count) + " of " +
                              std::to_string(bin.capacity) + ")",
                          "empty the capture bin at the next visit"});
    }
    if (health.dispenser) cassettes(alerts, *health.dispenser);
}

}  // namespace

std::vector<Alert> current_conditions(const HealthInputs& inputs) {
    std::vector<Alert> alerts;
    if (inputs.fitness.out_of_service) {
        const flow::OutOfServiceReason reason = *inputs.fitness.out_of_service;
        alerts.push_back({"out_of_service", AlertSeverity::critical,
                          "out of service (" + reason_name(reason) + "): " + joined(inputs.fitness.problems),
                          out_of_service_action(reason)});
    }
    if (inputs.devices != nullptr) devices(alerts, *inputs.devices, inputs);
    if (inputs.outbox && inputs.outbox->alarm) {
        char percent[16];
        std::snprintf(percent, sizeof percent, "%.0f%%", inputs.outbox->percent);
        alerts.push_back({"outbox_backlog", AlertSeverity::warning,
                          "CRM outbox " + std::string(percent) + " full: " + std::to_string(inputs.outbox->records) +
                              " records not yet delivered",
                          "check the kiosk's link to the CRM (network, crm.url, certificates); journeys are "
                          "dropped when the outbox is full"});
    }
    if (inputs.speech_problem) {
        // Blind customers cannot be guided; everyone else is served as before.
        alerts.push_back({"speech_unavailable", AlertSeverity::degraded, *inputs.speech_problem,
                          "check that espeak-ng-data is installed (speech.data_dir) and the audio device "
                          "(speech.audio_device); restart the kiosk"});
    }
    if (!inputs.certificate_notices.empty()) {
        alerts.push_back({"certificate_expiry", AlertSeverity::warning, joined(inputs.certificate_notices),
                          "issue and install the renewed certificate before it expires"});
    }
    for (const ScreenErrorBurst& burst : inputs.screen_errors) {
        const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(burst.window).count();
        alerts.push_back({"screen_errors." + burst.screen, AlertSeverity::warning,
                          std::to_string(burst.errors) + " customer errors on the " + burst.screen +
                              " screen within " + std::to_string(minutes) + " minutes",
                          "look at that screen's journeys in the CRM: a device that misreads (card, PIN pad) or "
                          "a step customers do not understand"});
    }
    if (inputs.operator_key_held && *inputs.operator_key_held >= inputs.operator_key_limit) {
        const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(*inputs.operator_key_held).count();
        alerts.push_back({"operator_key_left", AlertSeverity::warning,
                          "operator key in its maintenance position for " + std::to_string(minutes) + " minutes",
                          "ask the technician on site to finish and turn the operator key back"});
    }
    if (inputs.service_mode_open && *inputs.service_mode_open >= inputs.service_mode_limit) {
        const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(*inputs.service_mode_open).count();
        alerts.push_back({"service_mode_left_open", AlertSeverity::warning,
                          "service mode open for " + std::to_string(minutes) + " minutes" +
                              (inputs.service_technician.empty() ? std::string(", nobody signed in")
                                                                 : ", technician " + inputs.service_technician),
                          "ask the technician on site to finish and leave the service mode (Leave service, or turn "
                          "the operator key back)"});
    }
    return alerts;
}

}  // namespace kiosk
