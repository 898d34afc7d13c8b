// The two forms in which a PAN may leave memory (PCI DSS 3.4.1, 3.5.1): a masked form for screens,
// receipts and logs, and a keyed token (HMAC-SHA-256 of the whole PAN) for the CRM and the store.
// The token key is the bank's "pan-token" key, so tokens match across the bank's terminals.
#pragma once

#include <string>
#include <string_view>

#include "common/bytes.hpp"
#include "security/hmac_sha256.hpp"

namespace kiosk::security {

// What mask_pan returns for anything that is not a string of digits (track data, spaces, "").
inline constexpr std::string_view kMaskedUnknown = "****";

// At most the first 6 and last 4 digits visible, every other digit '*', same length as the PAN.
// PANs of 10 digits or fewer show only the last 4, and 4 digits or fewer show none, so a short
// number is never nearly whole.
std::string mask_pan(std::string_view pan);

class PanTokenizer {
public:
    // At least 16 bytes (128-bit strength, PCI DSS 3.5.1.1). Throws std::runtime_error at start-up
    // for a short key or when OpenSSL cannot set up HMAC-SHA-256.
    explicit PanTokenizer(ByteView key);

    // Lowercase hex HMAC-SHA-256 of the whole PAN: deterministic per key, 64 characters. Not
    // correlatable with mask_pan's output without the key. Throws std::runtime_error only when
    // OpenSSL fails after start-up (out of memory).
    [[nodiscard]] std::string token(std::string_view pan) const;

private:
    static HmacSha256 make_hmac(ByteView key);
    HmacSha256 hmac_;
};

}  // namespace kiosk::security
