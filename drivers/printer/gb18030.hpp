// GB18030, the character set printers sold in China print after ESC/POS `FS &` (protocols.md,
// "Receipts in Chinese on ESC/POS printers"). Conversion goes through glibc's iconv, which knows
// the whole four-byte range, so any Unicode text the receipt holds has a GB18030 form.
#pragma once

#include <string>
#include <string_view>

#include "common/bytes.hpp"
#include "common/result.hpp"

namespace kiosk::drivers {

// UTF-8 → GB18030. Invalid UTF-8 is an error naming the byte offset where it starts.
Result<Bytes> utf8_to_gb18030(std::string_view utf8);

// GB18030 → UTF-8 (the simulated printer's side). An invalid or cut-off sequence is an error
// naming its offset.
Result<std::string> gb18030_to_utf8(ByteView gb18030);

// Length of the GB18030 character that starts with `lead`/`second`: 1 (ASCII), 2, or 4 (when
// `second` is a digit 0x30–0x39); 0 when `lead` cannot start a character.
[[nodiscard]] std::size_t gb18030_char_length(std::uint8_t lead, std::uint8_t second);

}  // namespace kiosk::drivers
