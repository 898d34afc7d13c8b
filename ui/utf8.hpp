// UTF-8 code points, as text wrapping and the receipt rasterizer walk them.
#pragma once

#include <string>
#include <string_view>

namespace kiosk::ui {

struct CodePoint {
    char32_t value;
    std::string_view bytes;
};

// Decodes one UTF-8 sequence at `at`; malformed bytes come back one at a time as themselves.
CodePoint next_code_point(std::string_view text, std::size_t at);

std::u32string decode_utf8(std::string_view text);
std::string encode_utf8(char32_t code_point);

// CJK ideographs, radicals, punctuation and full-width forms: the characters set full-width.
bool is_cjk(char32_t c);

}  // namespace kiosk::ui
