// JSON-lines control requests' first checks (see json_command_line.hpp).
#include "common/json_command_line.hpp"

namespace kiosk {

namespace {

Error bad(std::string message) {
    return make_error("control request", std::move(message));
}

}  // namespace

std::string quoted_if_echoable(const std::string& text) {
    const bool plain = text.size() <= 32 &&
                       text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_:.0123456789") ==
                           std::string::npos;
    return plain ? " '" + text + "'" : std::string();
}

Result<JsonCommandLine> parse_json_command_line(std::string_view line, std::size_t max_line,
                                                std::span<const std::string_view> names) {
    if (line.size() > max_line) return bad("request longer than " + std::to_string(max_line) + " bytes");
    nlohmann::json request = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
    if (request.is_discarded()) return bad("request is not valid JSON");
    if (!request.is_object()) return bad("request must be a JSON object");
    auto command = request.find("command");
    if (command == request.end() || !command->is_string()) return bad("request needs a string \"command\"");
    const std::string& name = command->get_ref<const std::string&>();
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name) return JsonCommandLine{std::move(request), i};
    }
    std::string known;
    for (const std::string_view entry : names) known += (known.empty() ? "" : ", ") + std::string(entry);
    return bad("unknown command" + quoted_if_echoable(name) + "; known: " + known);
}

}  // namespace kiosk
