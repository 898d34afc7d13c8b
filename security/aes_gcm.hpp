// AES-256-GCM as a primitive: explicit key, IV, AAD. Records use aead.hpp, which draws the IV
// and binds the header; this layer exists for the known-answer tests, for aead.cpp and for HPKE
// (hpke.hpp), whose AEAD may also be AES-128-GCM.
#pragma once

#include <cstddef>

#include "common/bytes.hpp"
#include "common/result.hpp"
#include "security/secure_bytes.hpp"

namespace kiosk::security {

inline constexpr std::size_t kAes128KeySize = 16;
inline constexpr std::size_t kAes256KeySize = 32;
inline constexpr std::size_t kGcmIvSize = 12;   // 96-bit nonce: no GHASH of the IV, SP 800-38D
inline constexpr std::size_t kGcmTagSize = 16;  // full-length tag; shorter tags weaken forgery bounds

struct GcmOutput {
    Bytes ciphertext;
    Bytes tag;  // kGcmTagSize bytes
};

// Key must be 32 bytes and IV 12 bytes.
Result<GcmOutput> aes256_gcm_encrypt(ByteView key, ByteView iv, ByteView aad, ByteView plaintext);

// Fails (domain "security") when the tag does not authenticate key, IV, AAD and ciphertext.
Result<SecureBytes> aes256_gcm_decrypt(ByteView key, ByteView iv, ByteView aad, ByteView ciphertext,
                                       ByteView tag);

// The same for either key size: AES-128-GCM with a 16-byte key, AES-256-GCM with a 32-byte key.
Result<GcmOutput> aes_gcm_encrypt(ByteView key, ByteView iv, ByteView aad, ByteView plaintext);
Result<SecureBytes> aes_gcm_decrypt(ByteView key, ByteView iv, ByteView aad, ByteView ciphertext, ByteView tag);

}  // namespace kiosk::security
