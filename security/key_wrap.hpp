// AES key wrap: RFC 3394 (AES-KW, key data a multiple of 8 bytes, at least 16) and RFC 5649
// (AES-KWP, any length 1..), for storing or moving keys encrypted under a key-encryption key
// (PCI DSS 3.6.1.2). The kiosk uses 32-byte KEKs (AES-256-WRAP[-PAD]); 16- and 24-byte KEKs are
// accepted because the published RFC vectors use them.
#pragma once

#include "common/bytes.hpp"
#include "common/result.hpp"
#include "security/secure_bytes.hpp"

namespace kiosk::security {

Result<Bytes> wrap_key(ByteView kek, ByteView key_data);            // RFC 3394
Result<SecureBytes> unwrap_key(ByteView kek, ByteView wrapped);      // fails on integrity check
Result<Bytes> wrap_key_padded(ByteView kek, ByteView key_data);      // RFC 5649
Result<SecureBytes> unwrap_key_padded(ByteView kek, ByteView wrapped);

}  // namespace kiosk::security
