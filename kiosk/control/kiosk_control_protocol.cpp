// Kiosk control request parsing and encoding (see kiosk_control_protocol.hpp).
#include "kiosk/control/kiosk_control_protocol.hpp"

#include "common/json_command_line.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace kiosk::control {

namespace {

using nlohmann::json;

constexpr std::array<std::pair<KioskCommand, std::string_view>, 4> command_names{{
    {KioskCommand::status, "status"},
    {KioskCommand::selftest, "selftest"},
    {KioskCommand::uploadNow, "upload-now"},
    {KioskCommand::cassettes, "cassettes"},
}};

Error bad(std::string message) { return make_error("control request", std::move(message)); }

Result<std::optional<std::string>> optional_string(const json& request, const char* key, std::size_t longest) {
    auto it = request.find(key);
    if (it == request.end()) return std::optional<std::string>();
    if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
        return bad("\"" + std::string(key) + "\" must be a non-empty string");
    }
    const std::string& text = it->get_ref<const std::string&>();
    if (text.size() > longest) {
        return bad("\"" + std::string(key) + "\" is longer than " + std::to_string(longest) + " characters");
    }
    return std::optional<std::string>(text);
}

}  // namespace

std::string_view to_string(KioskCommand command) {
    for (const auto& [value, name] : command_names) {
        if (value == command) return name;
    }
    return "unknown";
}

const std::vector<std::string>& kiosk_device_names() {
    static const std::vector<std::string> names{"card_reader", "pin_pad", "printer", "dispenser", "sensors", "speech"};
    return names;
}

Result<KioskRequest> parse_kiosk_request(std::string_view line) {
    auto line_read = parse_json_command_line(line, max_kiosk_control_line, command_names);
    if (!line_read) return line_read.error();
    const nlohmann::json& request = line_read->second;
    KioskRequest parsed;
    parsed.command = line_read->first;
    for (const auto& [key, value] : request.items()) {
        const bool allowed = key == "command" || key == "actor" ||
                             (key == "device" && parsed.command == KioskCommand::selftest);
        if (!allowed) return bad(std::string(to_string(parsed.command)) + " takes no field" + quoted_if_echoable(key));
    }
    auto actor = optional_string(request, "actor", 80);
    if (!actor) return actor.error();
    if (*actor && !(*actor)->starts_with("technician:")) return bad("\"actor\" must be \"technician:<id>\"");
    parsed.actor = std::move(*actor);
    auto device = optional_string(request, "device", 32);
    if (!device) return device.error();
    if (*device) {
        const auto& names = kiosk_device_names();
        if (std::find(names.begin(), names.end(), **device) == names.end()) {
            std::string known_names;
            for (const std::string& known_name : names) known_names += (known_names.empty() ? "" : ", ") + known_name;
            return bad("unknown device" + quoted_if_echoable(**device) + "; known: " + known_names);
        }
        parsed.device = std::move(*device);
    }
    return parsed;
}

json to_json(const KioskRequest& request) {
    json out{{"command", to_string(request.command)}};
    if (request.device) out["device"] = *request.device;
    if (request.actor) out["actor"] = *request.actor;
    return out;
}

std::string kiosk_error_reply(std::string_view message) {
    return json{{"ok", false}, {"error", std::string(message)}}.dump(-1, ' ', false,
                                                                     json::error_handler_t::replace);
}

}  // namespace kiosk::control
