// Technician PIN/password hashes: PBKDF2-HMAC-SHA-256 (OpenSSL EVP_KDF "PBKDF2") with a random
// 16-byte salt per user, stored as one self-describing string so the iteration count can be
// raised later without invalidating existing hashes:
//   pbkdf2-sha256$<iterations>$<salt hex>$<32-byte hash hex>
// Only this string is stored; the secret itself never leaves the caller's buffer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/random_source.hpp"
#include "common/result.hpp"

namespace kiosk::security {

// OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. Tests pass a lower count through AccessPolicy.
inline constexpr std::uint32_t kDefaultPasswordIterations = 600'000;
// Bounds accepted when hashing and when reading a stored hash: below the floor a hash is too
// cheap to brute-force; above the ceiling a planted hash would stall every login (minutes each).
inline constexpr std::uint32_t kMinPasswordIterations = 1'000;
inline constexpr std::uint32_t kMaxPasswordIterations = 10'000'000;

// The encoded hash of `secret` (which must not be empty) under a fresh salt from `random`.
Result<std::string> hash_password(std::string_view secret, std::uint32_t iterations, RandomSource& random);

// Whether `secret` matches `encoded`, comparing the derived bytes in constant time. A malformed
// `encoded` (wrong scheme, iteration count out of bounds, bad hex, wrong lengths) is an error
// naming the part that is wrong, never a silent "no match".
Result<bool> verify_password(std::string_view secret, std::string_view encoded);

}  // namespace kiosk::security
