// Fuzzes crm/base64.hpp: base64_decode with arbitrary text (the CRM's JSON and the key pins carry
// it), base64_encode with arbitrary bytes. Accepts exactly RFC 4648 with padding, and round-trips.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "crm/base64.hpp"
#include "fuzz_check.hpp"

namespace {

constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// The documented grammar, written out independently: whole quads of the alphabet, at most two '='
// and only at the very end.
bool well_formed(std::string_view text) {
    if (text.size() % 4 != 0) return false;
    std::size_t padding = 0;
    while (padding < text.size() && text[text.size() - 1 - padding] == '=') ++padding;
    if (padding > 2) return false;
    const std::string_view body = text.substr(0, text.size() - padding);
    return body.find_first_not_of(alphabet) == std::string_view::npos;
}

// RFC 4648 §3.5: the bits after the last whole byte should be zero. Text with non-zero bits there
// decodes, but another text (the canonical one) is what encoding gives back.
bool canonical(std::string_view text) {
    if (text.empty() || text.back() != '=') return true;
    const bool two = text[text.size() - 2] == '=';
    const auto last = alphabet.find(text[text.size() - (two ? 3 : 2)]);
    return (last & (two ? 0x0FU : 0x03U)) == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    const auto decoded = kiosk::crm::base64_decode(text);
    FUZZ_CHECK(decoded.ok() == well_formed(text));
    if (decoded.ok()) {
        std::size_t padding = 0;
        while (padding < text.size() && text[text.size() - 1 - padding] == '=') ++padding;
        FUZZ_CHECK(decoded->size() == text.size() / 4 * 3 - padding);
        const std::string encoded = kiosk::crm::base64_encode(*decoded);
        if (canonical(text)) FUZZ_CHECK(encoded == text);
        const auto again = kiosk::crm::base64_decode(encoded);
        FUZZ_CHECK(again.ok() && *again == *decoded);
    }

    const kiosk::ByteView bytes(data, size);
    const std::string encoded = kiosk::crm::base64_encode(bytes);
    FUZZ_CHECK(encoded.size() == (size + 2) / 3 * 4);
    FUZZ_CHECK(well_formed(encoded) && canonical(encoded));
    const auto back = kiosk::crm::base64_decode(encoded);
    FUZZ_CHECK(back.ok() && back->size() == size && std::equal(back->begin(), back->end(), bytes.begin()));
    return 0;
}
