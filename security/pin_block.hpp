// ISO 9564-1 PIN blocks. Format 4 (AES, 16 bytes) is what the PIN pad produces and the host
// verifies; format 0 (8 bytes, TDES era) is here for interoperability and its known answers.
// In production only the PIN pad (and the bank) hold the PIN key: the kiosk moves enciphered
// blocks and never logs, stores or prints a PIN, a clear PIN field or a PIN block.
#pragma once

#include <string_view>

#include "common/bytes.hpp"
#include "common/result.hpp"
#include "security/secure_bytes.hpp"

namespace kiosk::security {

inline constexpr std::size_t kFormat0BlockSize = 8;
inline constexpr std::size_t kFormat4BlockSize = 16;
inline constexpr std::size_t kFormat4RandomPadSize = 8;

// The clear format 0 block: (0, N, PIN digits, F fill) XOR (0000, 12 rightmost PAN digits
// excluding the check digit). PIN 4–12 digits, PAN 1–19 digits.
Result<SecureBytes> encode_format0(std::string_view pin, std::string_view pan);

// The format 4 PAN field: nibble M = PAN length - 12 (0 for shorter PANs, which are left-padded
// with zeros to 12 digits), the PAN, then zeros to 32 nibbles.
Result<SecureBytes> format4_pan_field(std::string_view pan);

// Format 4 encipher: A = AES_K(PIN field); block = AES_K(A XOR PAN field). PIN field = nibble 4,
// N, PIN digits, 'A' fill to 16 nibbles, then the 8-byte random pad. Key 16/24/32 bytes.
Result<Bytes> encipher_format4(ByteView aes_key, std::string_view pin, std::string_view pan,
                               ByteView random_pad8);

// Reverses encipher_format4 and validates the PIN field (control nibble 4, length 4–12, decimal
// digits, 'A' fill). Any failure reads as "not a valid PIN block" without revealing digits.
Result<SecureString> decipher_format4(ByteView aes_key, ByteView block16, std::string_view pan);

}  // namespace kiosk::security
