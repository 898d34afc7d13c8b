// Kiosk control request parsing and encoding (see kiosk_control_protocol.hpp).
#include "kiosk/control/kiosk_control_protocol.hpp"

#include "common/json_command_line.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace kiosk::control {

namespace {

using nlohmann::json;

constexpr std::array<std::pair<KioskCommand, std::string_view>, 5> command_names{{
    {KioskCommand::status, "status"},
    {KioskCommand::selftest, "selftest"},
    {KioskCommand::uploadNow, "upload-now"},
    {KioskCommand::cassettes, "cassettes"},
    {KioskCommand::replenish, "replenish"},
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

// replenish: "counts" (required) and "capacity" (optional), each checked and named.
Status parse_replenish(const json& request, KioskRequest& parsed) {
    auto counts = request.find("counts");
    if (counts == request.end() || !counts->is_array() || counts->empty() ||
        counts->size() > max_replenish_cassettes) {
        return bad("replenish needs \"counts\": an array of 1 to " + std::to_string(max_replenish_cassettes) +
                   " note counts, one per cassette");
    }
    for (std::size_t i = 0; i < counts->size(); ++i) {
        const json& count = (*counts)[i];
        if (!count.is_number_unsigned() || count.get<std::uint64_t>() > max_replenish_count) {
            return bad("\"counts\"[" + std::to_string(i) + "] (cassette " + std::to_string(i + 1) +
                       ") must be a whole number of notes from 0 to " + std::to_string(max_replenish_count));
        }
        parsed.counts.push_back(count.get<std::uint32_t>());
    }
    if (auto capacity = request.find("capacity"); capacity != request.end()) {
        if (!capacity->is_number_unsigned() || capacity->get<std::uint64_t>() == 0 ||
            capacity->get<std::uint64_t>() > max_replenish_capacity) {
            return bad("\"capacity\" must be a whole number of notes from 1 to " + std::to_string(max_replenish_capacity));
        }
        parsed.capacity = capacity->get<std::uint32_t>();
    }
    if (request.find("actor") == request.end()) return bad("replenish needs \"actor\": the technician who loaded the cash");
    return ok_status();
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
                             (key == "device" && parsed.command == KioskCommand::selftest) ||
                             ((key == "counts" || key == "capacity") && parsed.command == KioskCommand::replenish);
        if (!allowed) return bad(std::string(to_string(parsed.command)) + " takes no field" + quoted_if_echoable(key));
    }
    auto actor = optional_string(request, "actor", 80);
    if (!actor) return actor.error();
    if (*actor && !(*actor)->starts_with("technician:")) return bad("\"actor\" must be \"technician:<id>\"");
    parsed.actor = std::move(*actor);
    if (parsed.command == KioskCommand::replenish) KIOSK_TRY(parse_replenish(request, parsed));
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
    if (request.command == KioskCommand::replenish) out["counts"] = request.counts;
    if (request.capacity) out["capacity"] = *request.capacity;
    return out;
}

std::string kiosk_error_reply(std::string_view message) {
    return json{{"ok", false}, {"error", std::string(message)}}.dump(-1, ' ', false,
                                                                     json::error_handler_t::replace);
}

}  // namespace kiosk::control
