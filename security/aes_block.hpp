// One AES block (16 bytes) enciphered or deciphered with a bare key: the building block of ISO
// 9564 format 4 PIN blocks, which chain two single-block operations themselves.
#pragma once

#include "common/bytes.hpp"
#include "common/result.hpp"
#include "security/secure_bytes.hpp"

namespace kiosk::security {

inline constexpr std::size_t kAesBlockSize = 16;

// Key 16, 24 or 32 bytes (AES-128/192/256); block exactly 16 bytes.
Result<SecureBytes> aes_encrypt_block(ByteView key, ByteView block);
Result<SecureBytes> aes_decrypt_block(ByteView key, ByteView block);

}  // namespace kiosk::security
