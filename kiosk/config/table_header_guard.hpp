#pragma once
// A guard in front of toml++ 3.3 (Debian 12's version). Its parser enters parse_key() on a table
// header whose first character cannot start a key (`[=`, `[ ;`, `[[[1]]]`, `[` then a newline) and
// treats "this is a key character" as an assumption: in a debug build that aborts, in a release
// build (__builtin_assume) it is undefined behaviour. Upstream: marzer/tomlplusplus #294, fixed by
// #301 after 3.3. Until Debian ships the fix, such a header is refused here, before toml++ sees it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

struct TableHeaderProblem {
    std::size_t line = 0;    // 1-based, like toml::source_position
    std::size_t column = 0;  // 1-based, of the offending character
    std::string description;
};

// Looks at every line whose first non-blank character is '[' and checks that, after '[' or '[['
// and any blanks, what follows can start a key (A-Z a-z 0-9 _ - or a quote). End of text is left
// to toml++, which reports it cleanly. A line inside a multi-line array that starts with a nested
// array or inline table would also be refused; no kiosk setting is an array of arrays or tables.
std::optional<TableHeaderProblem> find_unsafe_table_header(std::string_view toml_text);

}  // namespace kiosk
