// Control request parsing and encoding (see control_protocol.hpp).
#include "sim/control/control_protocol.hpp"

#include "common/json_command_line.hpp"

#include <array>
#include <utility>

namespace kiosk::sim {

namespace {

using nlohmann::json;

constexpr std::array<std::pair<ControlCommand, std::string_view>, 9> command_names{{
    {ControlCommand::status, "status"},
    {ControlCommand::insertCard, "insert-card"},
    {ControlCommand::press, "press"},
    {ControlCommand::takeCard, "take-card"},
    {ControlCommand::takeCash, "take-cash"},
    {ControlCommand::takeReceipt, "take-receipt"},
    {ControlCommand::fault, "fault"},
    {ControlCommand::clearFaults, "clear-faults"},
    {ControlCommand::headset, "headset"},
}};

Error bad(std::string message) { return make_error("control request", std::move(message)); }

Result<std::string> required_string(const json& request, const char* key, std::string_view command) {
    auto it = request.find(key);
    if (it == request.end()) return bad(std::string(command) + " needs \"" + key + "\"");
    if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
        return bad("\"" + std::string(key) + "\" must be a non-empty string");
    }
    if (it->get_ref<const std::string&>().size() > 256) return bad("\"" + std::string(key) + "\" is longer than 256 characters");
    return it->get<std::string>();
}

Result<std::uint32_t> optional_count(const json& request, const char* key) {
    auto it = request.find(key);
    if (it == request.end()) return std::uint32_t{0};
    if (!it->is_number_unsigned() || it->get<std::uint64_t>() > 10000) {
        return bad("\"" + std::string(key) + "\" must be an integer from 0 to 10000");
    }
    return static_cast<std::uint32_t>(it->get<std::uint64_t>());
}

}  // namespace

std::string_view to_string(ControlCommand command) {
    for (const auto& [value, name] : command_names) {
        if (value == command) return name;
    }
    return "unknown";
}

Result<ControlRequest> parse_control_request(std::string_view line) {
    auto line_read = parse_json_command_line(line, max_control_line, command_names);
    if (!line_read) return line_read.error();
    const json& request = line_read->second;
    ControlRequest parsed;
    parsed.command = line_read->first;
    const std::string_view name = to_string(parsed.command);

    switch (parsed.command) {
        case ControlCommand::insertCard: {
            auto card = required_string(request, "card", name);
            if (!card) return card.error();
            parsed.card = std::move(*card);
            break;
        }
        case ControlCommand::press: {
            auto keys = required_string(request, "keys", name);
            if (!keys) return keys.error();
            parsed.keys = std::move(*keys);
            break;
        }
        case ControlCommand::fault: {
            auto device = required_string(request, "device", name);
            if (!device) return device.error();
            auto fault = required_string(request, "fault", name);
            if (!fault) return fault.error();
            parsed.device = std::move(*device);
            parsed.fault = std::move(*fault);
            auto mode = request.find("mode");
            if (mode != request.end()) {
                if (!mode->is_string()) return bad("\"mode\" must be \"next\", \"permanent\" or \"off\"");
                const auto& m = mode->get_ref<const std::string&>();
                if (m == "next") parsed.mode = FaultMode::once;
                else if (m == "permanent") parsed.mode = FaultMode::always;
                else if (m == "off") parsed.mode = FaultMode::off;
                else return bad("\"mode\" must be \"next\", \"permanent\" or \"off\"");
            }
            auto cassette = optional_count(request, "cassette");
            if (!cassette) return cassette.error();
            auto after = optional_count(request, "after");
            if (!after) return after.error();
            parsed.cassette = *cassette;
            parsed.after = *after;
            break;
        }
        case ControlCommand::headset: {
            auto plugged = request.find("plugged");
            if (plugged == request.end() || !plugged->is_boolean()) return bad("headset needs a boolean \"plugged\"");
            parsed.plugged = plugged->get<bool>();
            break;
        }
        default: break;
    }
    return parsed;
}

json to_json(const ControlRequest& request) {
    json j{{"command", to_string(request.command)}};
    switch (request.command) {
        case ControlCommand::insertCard: j["card"] = request.card; break;
        case ControlCommand::press: j["keys"] = request.keys; break;
        case ControlCommand::fault:
            j["device"] = request.device;
            j["fault"] = request.fault;
            j["mode"] = request.mode == FaultMode::always ? "permanent" : request.mode == FaultMode::off ? "off" : "next";
            j["cassette"] = request.cassette;
            j["after"] = request.after;
            break;
        case ControlCommand::headset: j["plugged"] = request.plugged; break;
        default: break;
    }
    return j;
}

std::string error_reply(std::string_view message) {
    return json{{"ok", false}, {"error", message}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace kiosk::sim
