#pragma once
// A lexical guard in front of toml++ 3.3 (Debian 12's version), whose parser has undefined
// behaviour on some malformed text rather than a parse error (fuzzing found each of these):
//   - a table header whose first character cannot start a key (`[=`, `[ ;`, `[[[1]]]`, `[` then
//     a newline) breaks parse_key()'s assumed precondition (marzer/tomlplusplus#294, fixed after 3.3);
//   - a non-ASCII character in a bare token (`nap = Љ7`, `x = +i'Ж`) reaches
//     is_non_ascii_horizontal_whitespace(), which hits TOML_UNREACHABLE for U+00A1–U+0499 and
//     U+2D2E–U+3127 (Latin-1, Greek, Cyrillic, CJK punctuation such as 。).
// Both are refused here, with line and column, before toml++ sees the text. Strings and comments
// are followed so that 中文 inside a quoted value or a comment stays allowed.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

struct TomlTextProblem {
    std::size_t line = 0;    // 1-based, like toml::source_position
    std::size_t column = 0;  // 1-based, in bytes
    std::string description;
};

std::optional<TomlTextProblem> find_unsafe_toml_text(std::string_view toml_text);

}  // namespace kiosk
