// Pins are compared as raw digests, never as strings, so "sha256//x=" and a re-padded spelling of
// the same digest are one pin, and base64 is decoded with OpenSSL's strict block decoder.
#include "security/tls_pin.hpp"

#include <openssl/evp.h>

#include <algorithm>

#include "security/openssl_error.hpp"

namespace kiosk::security {
namespace {

constexpr std::string_view pin_prefix = "sha256//";
constexpr std::size_t base64_of_32_bytes = 44;  // 4 * ceil(32 / 3), one '=' of padding

std::string base64(const std::array<std::uint8_t, 32>& bytes) {
    std::string text(base64_of_32_bytes, '\0');
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()), bytes.data(),
                                        static_cast<int>(bytes.size()));
    text.resize(static_cast<std::size_t>(std::max(written, 0)));
    return text;
}

std::string pins_text(const std::vector<SpkiPin>& pins) {
    std::string text;
    for (const SpkiPin& pin : pins) text += (text.empty() ? "" : ";") + pin.to_string();
    return text;
}

}  // namespace

std::string SpkiPin::to_string() const { return std::string(pin_prefix) + base64(sha256); }

Result<SpkiPin> parse_spki_pin(std::string_view text) {
    const std::string shown(text.substr(0, 64));
    if (!text.starts_with(pin_prefix)) {
        return make_error("tls", "pin \"" + shown + "\" does not start with sha256// (only SHA-256 SPKI pins are supported)");
    }
    const std::string_view encoded = text.substr(pin_prefix.size());
    if (encoded.size() != base64_of_32_bytes || encoded.back() != '=' || encoded[encoded.size() - 2] == '=') {
        return make_error("tls", "pin \"" + shown + "\" is not the base64 of a 32-byte SHA-256 digest (expected " +
                                     std::to_string(base64_of_32_bytes) + " characters ending in one '=')");
    }
    std::array<unsigned char, 33> decoded{};  // EVP_DecodeBlock writes whole 3-byte groups: 33 for 44 chars
    if (EVP_DecodeBlock(decoded.data(), reinterpret_cast<const unsigned char*>(encoded.data()),
                        static_cast<int>(encoded.size())) != 33) {
        return make_error("tls", "pin \"" + shown + "\" is not valid base64");
    }
    SpkiPin pin;
    std::copy_n(decoded.begin(), pin.sha256.size(), pin.sha256.begin());
    return pin;
}

Result<SpkiPin> spki_pin_of(const X509& certificate) {
    const EVP_PKEY* key = X509_get0_pubkey(&certificate);
    if (key == nullptr) return openssl_error("certificate has no readable public key");
    const int length = i2d_PUBKEY(key, nullptr);
    if (length <= 0) return openssl_error("i2d_PUBKEY");
    std::vector<unsigned char> der(static_cast<std::size_t>(length));
    unsigned char* cursor = der.data();
    if (i2d_PUBKEY(key, &cursor) != length) return openssl_error("i2d_PUBKEY");
    SpkiPin pin;
    unsigned int digest_length = 0;
    if (EVP_Digest(der.data(), der.size(), pin.sha256.data(), &digest_length, EVP_sha256(), nullptr) != 1 ||
        digest_length != pin.sha256.size()) {
        return openssl_error("SHA-256 of the public key");
    }
    return pin;
}

bool PinSet::matches(const SpkiPin& pin) const { return std::find(pins_.begin(), pins_.end(), pin) != pins_.end(); }

std::string PinSet::curl_format() const { return pins_text(pins_); }

Result<PinSet> parse_pin_set(const std::vector<std::string>& pins, PinRequirement requirement,
                             std::string_view source) {
    const std::string where(source);
    std::vector<SpkiPin> parsed;
    for (std::size_t i = 0; i < pins.size(); ++i) {
        auto pin = parse_spki_pin(pins[i]);
        if (!pin) return make_error("tls", where + "[" + std::to_string(i) + "]: " + pin.error().message);
        if (std::find(parsed.begin(), parsed.end(), *pin) != parsed.end()) {
            return make_error("tls", where + "[" + std::to_string(i) + "]: pin " + pin->to_string() +
                                         " is listed twice; the backup pin must be a different key");
        }
        parsed.push_back(*pin);
    }
    if (requirement == PinRequirement::PrimaryAndBackup && parsed.size() < 2) {
        return make_error("tls", where + ": " + std::to_string(parsed.size()) +
                                     " pin(s) given; a primary and at least one backup pin (the server's next key) "
                                     "are required so a key rotation does not lock the kiosk out");
    }
    return PinSet(std::move(parsed));
}

Result<PinSet> parse_pin_list(std::string_view joined, PinRequirement requirement, std::string_view source) {
    std::vector<std::string> pins;
    while (!joined.empty()) {
        const std::size_t end = std::min(joined.find(';'), joined.size());
        pins.emplace_back(joined.substr(0, end));
        joined.remove_prefix(std::min(end + 1, joined.size()));
    }
    return parse_pin_set(pins, requirement, source);
}

Status check_peer_pin(const SSL& connection, const PinSet& pins, std::string_view endpoint) {
    if (pins.empty()) return ok_status();
    const std::string where(endpoint);
    X509* peer = SSL_get0_peer_certificate(&connection);
    if (peer == nullptr) return make_error("tls", where + ": the server presented no certificate to check the pin of");
    auto pin = spki_pin_of(*peer);
    if (!pin) return make_error("tls", where + ": cannot compute the server's key pin: " + pin.error().message);
    if (!pins.matches(*pin)) {
        return make_error("tls", where + ": the server's public key (" + pin->to_string() +
                                     ") matches none of the pinned keys (" + pins.curl_format() +
                                     "); interception, or a server key rotation without a matching backup pin");
    }
    return ok_status();
}

}  // namespace kiosk::security
