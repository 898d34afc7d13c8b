// Fuzzes common/bytes.hpp's from_hex with arbitrary text (hex arrives from config files, key files
// and tools), and to_hex with arbitrary bytes: both directions must round-trip.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/bytes.hpp"
#include "fuzz_check.hpp"

namespace {

bool is_hex_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

char upper(char c) { return (c >= 'a' && c <= 'f') ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    bool valid = size % 2 == 0;
    for (char c : text) valid = valid && is_hex_digit(c);
    const auto decoded = kiosk::from_hex(text);
    FUZZ_CHECK(decoded.ok() == valid);
    if (decoded.ok()) {
        FUZZ_CHECK(decoded->size() == size / 2);
        std::string canonical;
        for (char c : text) canonical.push_back(upper(c));
        FUZZ_CHECK(kiosk::to_hex(*decoded) == canonical);
    } else {
        FUZZ_CHECK(decoded.error().domain == "hex");
    }

    const kiosk::ByteView bytes(data, size);
    const std::string hex = kiosk::to_hex(bytes);
    FUZZ_CHECK(hex.size() == 2 * size);
    const auto back = kiosk::from_hex(hex);
    FUZZ_CHECK(back.ok() && back->size() == size &&
               std::equal(back->begin(), back->end(), bytes.begin()));
    return 0;
}
