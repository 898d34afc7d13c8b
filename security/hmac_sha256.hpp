// HMAC-SHA-256 through EVP_MAC "HMAC", with the key set up once and reused: the keyed hash
// behind PAN tokens and the journal chain.
#pragma once

#include <cstddef>
#include <initializer_list>

#include "common/bytes.hpp"
#include "common/result.hpp"
#include "security/openssl_handles.hpp"

namespace kiosk::security {

inline constexpr std::size_t kHmacSha256Size = 32;

class HmacSha256 {
public:
    // Fails for an empty key or when OpenSSL cannot set up HMAC.
    static Result<HmacSha256> create(ByteView key);

    // MAC over the concatenation of `parts`. Safe to call from several threads at once.
    [[nodiscard]] Result<Bytes> mac(std::initializer_list<ByteView> parts) const;

private:
    explicit HmacSha256(MacCtxPtr keyed) : keyed_(std::move(keyed)) {}
    MacCtxPtr keyed_;  // initialised with the key; each mac() works on a duplicate
};

// One-shot convenience.
Result<Bytes> hmac_sha256(ByteView key, ByteView data);

}  // namespace kiosk::security
