// Server public-key pinning (RFC 7469 style): a pin is the SHA-256 of the server certificate's
// DER SubjectPublicKeyInfo, written "sha256//<base64>" like libcurl's CURLOPT_PINNEDPUBLICKEY.
// A PinSet holds the primary pin and at least one backup pin (the key the CRM or bank rotates to
// next), so a planned key rotation does not strand the fleet. Usable by libcurl (curl_format())
// and by a raw OpenSSL client (check_peer_pin() after the handshake).
#pragma once

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace kiosk::security {

struct SpkiPin {
    std::array<std::uint8_t, 32> sha256{};

    [[nodiscard]] std::string to_string() const;  // "sha256//<base64>"
    friend bool operator==(const SpkiPin&, const SpkiPin&) = default;
};

// Refuses anything but "sha256//" followed by the base64 of exactly 32 bytes, naming what was wrong.
Result<SpkiPin> parse_spki_pin(std::string_view text);

// The pin of a certificate's public key.
Result<SpkiPin> spki_pin_of(const X509& certificate);

enum class PinRequirement {
    AnyNumber,         // zero pins allowed (CA verification only) — tests and the simulator
    PrimaryAndBackup,  // at least two distinct pins: production
};

class PinSet {
public:
    PinSet() = default;
    explicit PinSet(std::vector<SpkiPin> pins) : pins_(std::move(pins)) {}

    [[nodiscard]] bool empty() const { return pins_.empty(); }
    [[nodiscard]] const std::vector<SpkiPin>& pins() const { return pins_; }
    [[nodiscard]] bool has_backup() const { return pins_.size() >= 2; }
    [[nodiscard]] bool matches(const SpkiPin& pin) const;
    // "sha256//a;sha256//b" for CURLOPT_PINNEDPUBLICKEY; empty when there are no pins.
    [[nodiscard]] std::string curl_format() const;

private:
    std::vector<SpkiPin> pins_;
};

// Each entry one pin. `source` (e.g. "crm.pinned_keys") prefixes every error.
Result<PinSet> parse_pin_set(const std::vector<std::string>& pins, PinRequirement requirement,
                             std::string_view source);
// The same from libcurl's joined form "sha256//a;sha256//b" (empty text = no pins).
Result<PinSet> parse_pin_list(std::string_view joined, PinRequirement requirement, std::string_view source);

// For a raw OpenSSL client, after SSL_connect: the peer's leaf key must match one pin (an empty
// set accepts any key — chain verification still applies). The error names the endpoint, the key
// the server showed and the pins it should have matched. Domain "tls".
Status check_peer_pin(const SSL& connection, const PinSet& pins, std::string_view endpoint);

}  // namespace kiosk::security
