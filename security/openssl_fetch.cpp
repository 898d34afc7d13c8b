// EVP_*_fetch wrappers (see openssl_fetch.hpp).
#include "security/openssl_fetch.hpp"

#include <string>

#include "security/openssl_error.hpp"

namespace kiosk::security {

Result<CipherPtr> fetch_cipher(const char* name) {
    CipherPtr cipher(EVP_CIPHER_fetch(nullptr, name, nullptr));
    if (!cipher) return openssl_error(std::string("cannot fetch cipher ") + name);
    return cipher;
}

Result<MacPtr> fetch_mac(const char* name) {
    MacPtr mac(EVP_MAC_fetch(nullptr, name, nullptr));
    if (!mac) return openssl_error(std::string("cannot fetch MAC ") + name);
    return mac;
}

Result<KdfPtr> fetch_kdf(const char* name) {
    KdfPtr kdf(EVP_KDF_fetch(nullptr, name, nullptr));
    if (!kdf) return openssl_error(std::string("cannot fetch KDF ") + name);
    return kdf;
}

Result<CipherCtxPtr> new_cipher_ctx() {
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx) return openssl_error("cannot allocate a cipher context");
    return ctx;
}

}  // namespace kiosk::security
