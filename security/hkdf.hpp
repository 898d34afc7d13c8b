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

// The two halves on their own, for protocols that label each step (HPKE's LabeledExtract and
// LabeledExpand, RFC 9180 §4). Extract returns the 32-byte PRK; an empty salt means 32 zero bytes.
Result<SecureBytes> hkdf_sha256_extract(ByteView salt, ByteView input_key);
// `prk` at least 32 bytes; `length` at most 255 * 32.
Result<SecureBytes> hkdf_sha256_expand(ByteView prk, ByteView info, std::size_t length);

}  // namespace kiosk::security
