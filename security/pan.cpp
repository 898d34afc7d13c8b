// PAN masking and tokenisation (see pan.hpp).
#include "security/pan.hpp"

#include <algorithm>
#include <stdexcept>

namespace kiosk::security {

namespace {

constexpr std::size_t kMinTokenKey = 16;
constexpr std::size_t kBinDigits = 6;
constexpr std::size_t kLastDigits = 4;
// Up to this length the BIN is hidden too; otherwise 6 + 4 of an 11-digit number would be
// almost all of it.
constexpr std::size_t kShortPan = 10;

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string lower_hex(ByteView bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const std::uint8_t byte : bytes) {
        out.push_back(kDigits[byte >> 4]);
        out.push_back(kDigits[byte & 0x0FU]);
    }
    return out;
}

}  // namespace

std::string mask_pan(std::string_view pan) {
    if (!all_digits(pan)) return std::string(kMaskedUnknown);
    std::string masked(pan.size(), '*');
    if (pan.size() <= kLastDigits) return masked;
    const std::size_t head = pan.size() > kShortPan ? kBinDigits : 0;
    std::copy_n(pan.begin(), head, masked.begin());
    std::copy_n(pan.end() - kLastDigits, kLastDigits, masked.end() - kLastDigits);
    return masked;
}

HmacSha256 PanTokenizer::make_hmac(ByteView key) {
    if (key.size() < kMinTokenKey) {
        throw std::runtime_error("PAN token key must be at least 16 bytes, got " + std::to_string(key.size()));
    }
    auto hmac = HmacSha256::create(key);
    if (!hmac) throw std::runtime_error("PAN token key: " + hmac.error().to_string());
    return std::move(hmac).value();
}

PanTokenizer::PanTokenizer(ByteView key) : hmac_(make_hmac(key)) {}

std::string PanTokenizer::token(std::string_view pan) const {
    const ByteView pan_bytes(reinterpret_cast<const std::uint8_t*>(pan.data()), pan.size());  // NOLINT
    auto mac = hmac_.mac({pan_bytes});
    if (!mac) throw std::runtime_error("PAN token: " + mac.error().to_string());
    return lower_hex(*mac);
}

}  // namespace kiosk::security
