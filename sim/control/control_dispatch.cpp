// control request → SimControl call → reply (see control_dispatch.hpp).
#include "sim/control/control_dispatch.hpp"

namespace kiosk::sim {

namespace {

using nlohmann::json;

json failed(const Error& error) { return json{{"ok", false}, {"error", error.message}}; }
json done(const Status& status) { return status.ok() ? json{{"ok", true}} : failed(status.error()); }

}  // namespace

json to_json(const std::vector<DeviceReport>& reports) {
    json devices = json::array();
    for (const DeviceReport& report : reports) {
        json device{{"device", report.device}, {"state", drivers::to_string(report.status.state)}};
        if (report.status.error) {
            device["error"] = json{{"type", drivers::to_string(report.status.error->type)},
                                   {"action", drivers::to_string(report.status.error->action)},
                                   {"description", report.status.error->description}};
        }
        json details = json::object();
        for (const auto& [name, value] : report.details) details[name] = value;
        device["details"] = std::move(details);
        devices.push_back(std::move(device));
    }
    return devices;
}

json execute(SimControl& control, const ControlRequest& request) {
    switch (request.command) {
        case ControlCommand::status: return json{{"ok", true}, {"devices", to_json(control.status())}};
        case ControlCommand::insertCard: return done(control.insert_card(request.card));
        case ControlCommand::press: {
            auto pressed = control.press(request.keys);
            return pressed ? json{{"ok", true}, {"pressed", *pressed}} : failed(pressed.error());
        }
        case ControlCommand::takeCard: return done(control.take_card());
        case ControlCommand::takeCash: {
            auto value = control.take_cash();
            return value ? json{{"ok", true}, {"value_minor_units", *value}} : failed(value.error());
        }
        case ControlCommand::takeReceipt: {
            auto text = control.take_receipt();
            return text ? json{{"ok", true}, {"receipt", *text}} : failed(text.error());
        }
        case ControlCommand::fault:
            return done(control.fault(request.device, request.fault, request.mode, FaultOptions{request.cassette, request.after}));
        case ControlCommand::clearFaults: control.clear_faults(); return json{{"ok", true}};
        case ControlCommand::headset: return done(control.set_headset(request.plugged));
    }
    return json{{"ok", false}, {"error", "command not handled"}};
}

}  // namespace kiosk::sim
