// Byte buffers and their hex form, used wherever raw protocol or key material moves.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace kiosk {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

// "0A1B" for {0x0a, 0x1b}: upper case, no separators.
std::string to_hex(ByteView bytes);

// Accepts upper or lower case; rejects odd length and non-hex characters with a message naming
// the offending position.
Result<Bytes> from_hex(std::string_view hex);

inline Bytes to_bytes(std::string_view text) { return Bytes(text.begin(), text.end()); }
inline std::string to_string(ByteView bytes) { return std::string(bytes.begin(), bytes.end()); }

}  // namespace kiosk
