// Device lines and service state from the loop's picture (see loop_picture.hpp).
#include "kiosk/control/loop_picture.hpp"

#include "drivers/device_status.hpp"
#include "drivers/printer/escpos_status.hpp"

namespace kiosk::control {

namespace {

maintenance::DeviceLine line(std::string name, const drivers::DeviceStatus& status, std::string extra = {}) {
    maintenance::DeviceLine device;
    device.name = std::move(name);
    device.state = std::string(drivers::to_string(status.state));
    device.usable = status.usable();
    if (status.error) device.cause = status.error->description;
    if (!extra.empty()) device.cause += (device.cause.empty() ? "" : "; ") + extra;
    return device;
}


}  // namespace

std::string_view out_of_service_name(flow::OutOfServiceReason reason) {
    switch (reason) {
        case flow::OutOfServiceReason::Devices: return "devices";
        case flow::OutOfServiceReason::Tamper: return "tamper";
        case flow::OutOfServiceReason::HostUnreachable: return "host_unreachable";
        case flow::OutOfServiceReason::StorageFull: return "storage_full";
    }
    return "devices";
}

std::vector<maintenance::DeviceLine> device_lines(const DeviceHealth& health) {
    std::vector<maintenance::DeviceLine> lines;
    lines.push_back(line("card_reader", health.card_reader.device,
                         health.card_reader.bin.full() ? "capture bin full" : ""));
    lines.push_back(line("pin_pad", health.pin_pad.device));
    std::string paper;
    if (health.printer.paper && *health.printer.paper != drivers::PaperState::ok) {
        paper = "paper " + std::string(drivers::to_string(*health.printer.paper));
    }
    auto printer = line("printer", health.printer.device, paper);
    if (health.printer.paper == drivers::PaperState::out) printer.usable = false;
    lines.push_back(std::move(printer));
    if (health.dispenser) {
        std::string cassettes;
        for (std::size_t i = 0; i < health.dispenser->cassettes.size(); ++i) {
            const auto& cassette = health.dispenser->cassettes[i];
            if (cassette.state == drivers::CassetteState::ok) continue;
            cassettes += (cassettes.empty() ? "" : ", ") + std::string("cassette ") + std::to_string(i + 1) + " " +
                         std::string(drivers::to_string(cassette.state));
        }
        lines.push_back(line("dispenser", health.dispenser->device, cassettes));
    }
    if (health.sensors) {
        maintenance::DeviceLine sensors;
        sensors.name = "sensors";
        if (health.sensors->ok()) {
            const drivers::SensorReadings& readings = **health.sensors;
            sensors.state = readings.tampered ? "fraudAttempt" : "online";
            sensors.usable = !readings.tampered;
            std::string cause;
            if (readings.tampered) cause = "tamper latched";
            if (readings.safe_door_open) cause += std::string(cause.empty() ? "" : "; ") + "safe door open";
            sensors.cause = cause;
        } else {
            sensors.state = "offline";
            sensors.cause = health.sensors->error().message;
        }
        lines.push_back(std::move(sensors));
    }
    return lines;
}

void describe_service(const LoopPicture& picture, maintenance::TerminalStatus& status) {
    using maintenance::ServiceState;
    status.flow_state = std::string(flow::to_string(picture.state));
    status.customer_in_session = !picture.idle();
    if (!picture.health) {
        status.state = ServiceState::unknown;
        return;
    }
    const ServiceFitness& fitness = picture.fitness;
    status.problems = fitness.problems;
    status.devices = device_lines(*picture.health);
    if (!fitness.receipts) status.left_out.emplace_back("receipts");
    if (!fitness.withdrawals) status.left_out.emplace_back("withdrawals");
    if (!fitness.cards) status.left_out.emplace_back("cards");
    if (!fitness.cardless) status.left_out.emplace_back("cardless");
    // A device still usable but asking for attention (paper near its end, a cassette low) is a
    // problem for the technician although the customer is served as before.
    for (const maintenance::DeviceLine& device : status.devices) {
        if (device.usable && !device.cause.empty()) status.problems.push_back(device.name + ": " + device.cause);
    }
    if (fitness.out_of_service) {
        status.state = ServiceState::out_of_service;
        status.reason = std::string(out_of_service_name(*fitness.out_of_service));
    } else if (!status.problems.empty() || !fitness.receipts || !fitness.withdrawals || !fitness.cards) {
        // The fleet status's rule (kiosk/fleet/fleet_messages.cpp), plus the advisories above.
        status.state = ServiceState::degraded;
    } else {
        status.state = ServiceState::in_service;
    }
    status.host.reachable = picture.health->host_reachable;
    status.host.detail = picture.health->host_reachable ? "answering" : "not answering (probed every 15 s)";
}

}  // namespace kiosk::control
