#include "common/bytes.hpp"

namespace kiosk {

std::string to_hex(ByteView bytes) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string hex;
    hex.reserve(bytes.size() * 2);
    for (std::uint8_t byte : bytes) {
        hex.push_back(digits[byte >> 4U]);
        hex.push_back(digits[byte & 0x0FU]);
    }
    return hex;
}

namespace {
int nibble_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

Result<Bytes> from_hex(std::string_view hex) {
    if (hex.size() % 2 != 0) {
        return make_error("hex", "odd number of hex digits (" + std::to_string(hex.size()) + ")");
    }
    Bytes bytes;
    bytes.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int high = nibble_value(hex[i]);
        const int low = nibble_value(hex[i + 1]);
        if (high < 0 || low < 0) {
            const std::size_t bad = high < 0 ? i : i + 1;
            return make_error("hex", "not a hex digit at position " + std::to_string(bad));
        }
        bytes.push_back(static_cast<std::uint8_t>((high << 4) | low));
    }
    return bytes;
}

}  // namespace kiosk
