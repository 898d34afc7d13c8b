// Fetches OpenSSL 3 algorithm implementations by name (EVP_*_fetch) from the default library
// context, returning owning handles or the OpenSSL error text.
#pragma once

#include "common/result.hpp"
#include "security/openssl_handles.hpp"

namespace kiosk::security {

Result<CipherPtr> fetch_cipher(const char* name);  // "AES-256-GCM", "AES-256-WRAP", …
Result<MacPtr> fetch_mac(const char* name);        // "HMAC"
Result<KdfPtr> fetch_kdf(const char* name);        // "HKDF"
Result<CipherCtxPtr> new_cipher_ctx();

}  // namespace kiosk::security
