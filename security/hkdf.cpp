// HKDF-SHA-256 via EVP_KDF (see hkdf.hpp).
#include "security/hkdf.hpp"

#include <array>
#include <string>

#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include "security/openssl_error.hpp"
#include "security/openssl_fetch.hpp"

namespace kiosk::security {

namespace {

constexpr std::size_t kHashLength = 32;
constexpr std::size_t kMaxOutput = 255 * kHashLength;

// OSSL_PARAM wants non-const void*; OpenSSL only reads these buffers.
void* param_bytes(ByteView bytes) {
    return const_cast<std::uint8_t*>(bytes.data());  // NOLINT(cppcoreguidelines-pro-type-const-cast)
}

Status check_length(std::size_t length) {
    if (length == 0 || length > kMaxOutput) {
        return make_error("security", "HKDF output length " + std::to_string(length) + " not in 1..8160");
    }
    return ok_status();
}

// One EVP_KDF "HKDF" derivation. `mode` is EVP_KDF_HKDF_MODE_*; `key` is the input key (extract
// and both) or the PRK (expand only). An empty salt or info is left unset: for the salt that means
// HashLen zeros (RFC 5869 §2.2), for the info the empty string.
Result<SecureBytes> derive(int mode, ByteView key, ByteView salt, ByteView info, std::size_t length) {
    auto kdf = fetch_kdf("HKDF");
    if (!kdf) return kdf.error();
    KdfCtxPtr ctx(EVP_KDF_CTX_new(kdf->get()));
    if (!ctx) return openssl_error("cannot allocate HKDF context");

    char digest[] = "SHA256";
    std::array<OSSL_PARAM, 6> params{};
    std::size_t count = 0;
    params[count++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
    params[count++] = OSSL_PARAM_construct_int(OSSL_KDF_PARAM_MODE, &mode);
    params[count++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, param_bytes(key), key.size());
    if (!salt.empty()) {
        params[count++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, param_bytes(salt), salt.size());
    }
    if (!info.empty()) {
        params[count++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, param_bytes(info), info.size());
    }
    params[count] = OSSL_PARAM_construct_end();

    SecureBytes out(length);
    if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params.data()) != 1) {
        return openssl_error("HKDF-SHA-256 derive failed");
    }
    return out;
}

}  // namespace

Result<SecureBytes> hkdf_sha256(ByteView input_key, ByteView salt, ByteView info, std::size_t length) {
    if (input_key.empty()) return make_error("security", "HKDF input key is empty");
    KIOSK_TRY(check_length(length));
    return derive(EVP_KDF_HKDF_MODE_EXTRACT_AND_EXPAND, input_key, salt, info, length);
}

Result<SecureBytes> hkdf_sha256_extract(ByteView salt, ByteView input_key) {
    // OpenSSL refuses an empty key parameter; HMAC of an empty message under the salt is still
    // well defined, but no caller here extracts from nothing (HPKE's labels are never empty).
    if (input_key.empty()) return make_error("security", "HKDF input key is empty");
    return derive(EVP_KDF_HKDF_MODE_EXTRACT_ONLY, input_key, salt, {}, kHashLength);
}

Result<SecureBytes> hkdf_sha256_expand(ByteView prk, ByteView info, std::size_t length) {
    if (prk.size() < kHashLength) {
        return make_error("security", "HKDF pseudorandom key must be at least 32 bytes, got " +
                                          std::to_string(prk.size()));
    }
    KIOSK_TRY(check_length(length));
    return derive(EVP_KDF_HKDF_MODE_EXPAND_ONLY, prk, {}, info, length);
}

}  // namespace kiosk::security
