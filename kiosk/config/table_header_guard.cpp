#include "kiosk/config/table_header_guard.hpp"

namespace kiosk {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool can_start_key(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '"' || c == '\'';
}

std::string describe(char c) {
    if (c == '\n' || c == '\r') return "end of line";
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
        static constexpr char kHex[] = "0123456789ABCDEF";
        const auto byte = static_cast<unsigned char>(c);
        return std::string("control character 0x") + kHex[byte >> 4] + kHex[byte & 0xF];
    }
    return std::string("'") + c + "'";
}

}  // namespace

std::optional<TableHeaderProblem> find_unsafe_table_header(std::string_view text) {
    // toml++ skips a UTF-8 byte-order mark at the very start, so a header may follow it.
    constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
    std::size_t line = 1;
    std::size_t line_start = text.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
    while (line_start <= text.size()) {
        const std::size_t line_end = std::min(text.find('\n', line_start), text.size());
        std::size_t at = line_start;
        while (at < line_end && is_blank(text[at])) ++at;
        if (at < line_end && text[at] == '[') {
            ++at;
            if (at < text.size() && text[at] == '[') ++at;
            while (at < text.size() && is_blank(text[at])) ++at;
            if (at < text.size() && !can_start_key(text[at])) {
                return TableHeaderProblem{line, at - line_start + 1,
                                          "table header must start with a name, saw " + describe(text[at])};
            }
        }
        line_start = line_end + 1;
        ++line;
    }
    return std::nullopt;
}

}  // namespace kiosk
