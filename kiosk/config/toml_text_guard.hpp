#pragma once
// A lexical guard in front of toml++ 3.3 (Debian 12's version), whose parser has undefined
// behaviour on some malformed text rather than a parse error (fuzzing found each of these):
//   - a table header whose first character cannot start a key (`[=`, `[ ;`, `[[[1]]]`, `[` then
//     a newline) breaks parse_key()'s assumed precondition (marzer/tomlplusplus#294, fixed after 3.3);
//   - is_non_ascii_horizontal_whitespace() hits TOML_UNREACHABLE for U+00A1–U+0499,
//     U+2C5E–U+3057 (but U+3000) and U+FB26–U+FEFE — Latin-1 letters such as é, Greek, Cyrillic,
//     CJK punctuation such as 。《》, kana — and toml++ asks it of a bare token it scans
//     (`nap = Љ7`, `x = +i'Ж`), of the character after a line-ending backslash, and more.
// Such a header is refused with its line and column; such a code point is refused anywhere (in a
// string, `\uXXXX` writes it). Strings, comments and nesting are followed so that a '[' inside a
// value is not taken for a header. Chinese text (CJK ideographs, full-width ，：（）) is unaffected.
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
