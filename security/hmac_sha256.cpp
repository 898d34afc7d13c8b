// HMAC-SHA-256 via EVP_MAC (see hmac_sha256.hpp).
#include "security/hmac_sha256.hpp"

#include <array>

#include <openssl/core_names.h>
#include <openssl/params.h>

#include "security/openssl_error.hpp"
#include "security/openssl_fetch.hpp"

namespace kiosk::security {

Result<HmacSha256> HmacSha256::create(ByteView key) {
    if (key.empty()) return make_error("security", "HMAC key is empty");
    auto mac = fetch_mac("HMAC");
    if (!mac) return mac.error();
    MacCtxPtr ctx(EVP_MAC_CTX_new(mac->get()));
    if (!ctx) return openssl_error("cannot allocate HMAC context");
    char digest[] = "SHA256";
    const std::array<OSSL_PARAM, 2> params{OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                           OSSL_PARAM_construct_end()};
    if (EVP_MAC_init(ctx.get(), key.data(), key.size(), params.data()) != 1) {
        return openssl_error("HMAC-SHA-256 init failed");
    }
    return HmacSha256(std::move(ctx));
}

Result<Bytes> HmacSha256::mac(std::initializer_list<ByteView> parts) const {
    // EVP_MAC_CTX_dup only reads the keyed template, so concurrent callers do not interfere.
    MacCtxPtr ctx(EVP_MAC_CTX_dup(keyed_.get()));
    if (!ctx) return openssl_error("cannot duplicate HMAC context");
    for (const ByteView part : parts) {
        if (!part.empty() && EVP_MAC_update(ctx.get(), part.data(), part.size()) != 1) {
            return openssl_error("HMAC-SHA-256 update failed");
        }
    }
    Bytes out(kHmacSha256Size);
    std::size_t written = 0;
    if (EVP_MAC_final(ctx.get(), out.data(), &written, out.size()) != 1 || written != kHmacSha256Size) {
        return openssl_error("HMAC-SHA-256 final failed");
    }
    return out;
}

Result<Bytes> hmac_sha256(ByteView key, ByteView data) {
    auto hmac = HmacSha256::create(key);
    if (!hmac) return hmac.error();
    return hmac->mac({data});
}

}  // namespace kiosk::security
