// HKDF-SHA-256 via EVP_KDF (see hkdf.hpp).
#include "security/hkdf.hpp"

#include <array>
#include <string>

#include <openssl/core_names.h>
#include <openssl/params.h>

#include "security/openssl_error.hpp"
#include "security/openssl_fetch.hpp"

namespace kiosk::security {

namespace {

constexpr std::size_t kMaxOutput = 255 * 32;

// OSSL_PARAM wants non-const void*; OpenSSL only reads these buffers.
void* param_bytes(ByteView bytes) {
    return const_cast<std::uint8_t*>(bytes.data());  // NOLINT(cppcoreguidelines-pro-type-const-cast)
}

}  // namespace

Result<SecureBytes> hkdf_sha256(ByteView input_key, ByteView salt, ByteView info, std::size_t length) {
    if (input_key.empty()) return make_error("security", "HKDF input key is empty");
    if (length == 0 || length > kMaxOutput) {
        return make_error("security", "HKDF output length " + std::to_string(length) + " not in 1..8160");
    }
    auto kdf = fetch_kdf("HKDF");
    if (!kdf) return kdf.error();
    KdfCtxPtr ctx(EVP_KDF_CTX_new(kdf->get()));
    if (!ctx) return openssl_error("cannot allocate HKDF context");

    char digest[] = "SHA256";
    std::array<OSSL_PARAM, 5> params{};
    std::size_t count = 0;
    params[count++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
    params[count++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, param_bytes(input_key), input_key.size());
    // An absent salt means "HashLen zeros" (RFC 5869 §2.2); OpenSSL does that when it is not set.
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

}  // namespace kiosk::security
