// HKDF-SHA-256 (RFC 5869) through OpenSSL's EVP_KDF "HKDF": derives independent keys from one
// secret by label, so the key file holds one key-encryption key, not one key per purpose.
#pragma once

#include <cstddef>

#include "common/bytes.hpp"
#include "common/result.hpp"
#include "security/secure_bytes.hpp"

namespace kiosk::security {

// Extract-then-expand. `length` at most 255 * 32 bytes (RFC 5869 §2.3).
Result<SecureBytes> hkdf_sha256(ByteView input_key, ByteView salt, ByteView info, std::size_t length);

}  // namespace kiosk::security
