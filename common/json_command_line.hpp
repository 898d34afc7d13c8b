// A JSON-lines control request's first checks, shared by the kiosk's control socket
// (kiosk/control/kiosk_control_protocol.hpp) and the simulator's (sim/control/control_protocol.hpp):
// one line, bounded, holding a JSON object whose string "command" is one of a known list. Each
// parser then checks its own fields. The bytes come from another process: an Error names the
// first problem, and echoes their text only when it is short and plain (quoted_if_echoable).
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "common/result.hpp"

namespace kiosk {

struct JsonCommandLine {
    nlohmann::json request;   // the whole object
    std::size_t command = 0;  // the index of its "command" in the names given
};

// `line`: at most `max_line` bytes, valid JSON, an object, a string "command" among `names`. Else
// an Error ("control request": "request is not valid JSON", "unknown command 'x'; known: a, b", …).
Result<JsonCommandLine> parse_json_command_line(std::string_view line, std::size_t max_line,
                                                std::span<const std::string_view> names);

// " 'text'" when `text` is at most 32 plain characters (letters, digits, - _ : .), else nothing:
// an error message may name what it refuses without echoing escape codes or a flood.
std::string quoted_if_echoable(const std::string& text);

// The same over a table of (command, name) pairs: the command and the whole request.
template <class Command, std::size_t N>
Result<std::pair<Command, nlohmann::json>> parse_json_command_line(
    std::string_view line, std::size_t max_line, const std::array<std::pair<Command, std::string_view>, N>& table) {
    std::array<std::string_view, N> names{};
    for (std::size_t i = 0; i < N; ++i) names[i] = table[i].second;
    auto parsed = parse_json_command_line(line, max_line, std::span<const std::string_view>(names));
    if (!parsed) return parsed.error();
    return std::pair<Command, nlohmann::json>(table[parsed->command].first, std::move(parsed->request));
}

}  // namespace kiosk
