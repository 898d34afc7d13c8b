// Hybrid public-key encryption, RFC 9180 base mode, single shot: DHKEM(X25519, HKDF-SHA256) and
// HKDF-SHA256 with AES-128-GCM or AES-256-GCM. Built on OpenSSL 3.0's X25519 and HKDF (Debian 12
// has no OSSL_HPKE_*, which arrived in 3.2). What the kiosk seals to the CRM's record key with
// (data_key_wrap.hpp); generic in the AEAD so RFC 9180 A.1.1 (AES-128-GCM) proves the KEM and the
// key schedule. Tests: tests/security/hpke_test.cpp.
#pragma once

#include <cstddef>
#include <cstdint>

#include "common/bytes.hpp"
#include "common/random_source.hpp"
#include "common/result.hpp"
#include "security/secure_bytes.hpp"

namespace kiosk::security::hpke {

// RFC 9180 §7.3 aead_id values.
enum class Aead : std::uint16_t { Aes128Gcm = 0x0001, Aes256Gcm = 0x0002 };

inline constexpr std::uint16_t kKemX25519HkdfSha256 = 0x0020;  // §7.1
inline constexpr std::uint16_t kKdfHkdfSha256 = 0x0001;        // §7.2
inline constexpr std::size_t kX25519KeySize = 32;              // Nsk = Npk = Nenc
inline constexpr std::size_t kNonceSize = 12;                  // Nn
inline constexpr std::size_t kTagSize = 16;                    // Nt

// Nk of the AEAD: 16 or 32.
[[nodiscard]] std::size_t key_size(Aead aead);

// What the base-mode key schedule yields (§5.1), kept for the known-answer tests.
struct Context {
    Bytes enc;                 // the encapsulated key: the ephemeral public key (32 bytes)
    SecureBytes shared_secret;  // the KEM's output (32 bytes)
    SecureBytes key;            // Nk bytes
    Bytes base_nonce;           // 12 bytes
};

struct Sealed {
    Bytes enc;         // 32 bytes
    Bytes ciphertext;  // plaintext length + 16-byte tag
};

// The X25519 public key of a 32-byte private key (SerializePublicKey(pk(sk))).
Result<Bytes> x25519_public_key(ByteView private_key);

// SetupBaseS with a given ephemeral private key: the deterministic path the test vectors take.
// Fails on a malformed key, or when the Diffie-Hellman output is all zeros (§7.1.4: a small-order
// public key).
Result<Context> setup_base_sender(Aead aead, ByteView recipient_public_key, ByteView info,
                                  ByteView ephemeral_private_key);

// SetupBaseR: the recipient's side of the same schedule, from `enc` and its private key.
Result<Context> setup_base_recipient(Aead aead, ByteView enc, ByteView recipient_private_key, ByteView info);

// Single-shot Seal (§6.1) with the ephemeral key drawn from `random` (OsRandom in production).
Result<Sealed> seal_base(Aead aead, ByteView recipient_public_key, ByteView info, ByteView aad, ByteView plaintext,
                         RandomSource& random);

// The same with a given ephemeral private key, for known-answer tests. Never reuse one.
Result<Sealed> seal_base_with_ephemeral(Aead aead, ByteView recipient_public_key, ByteView info, ByteView aad,
                                        ByteView plaintext, ByteView ephemeral_private_key);

// Single-shot Open. Fails (domain "security") when enc, info, aad or ciphertext were altered or the
// private key is not the one sealed to; the error never holds plaintext.
Result<SecureBytes> open_base(Aead aead, ByteView recipient_private_key, ByteView enc, ByteView info, ByteView aad,
                              ByteView ciphertext);

}  // namespace kiosk::security::hpke
