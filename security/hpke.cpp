// RFC 9180 base mode over OpenSSL 3.0 primitives (see hpke.hpp). Section numbers are the RFC's.
#include "security/hpke.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <string>
#include <string_view>

#include "security/aes_gcm.hpp"
#include "security/hkdf.hpp"
#include "security/openssl_error.hpp"
#include "security/openssl_handles.hpp"

namespace kiosk::security::hpke {
namespace {

constexpr std::string_view kVersionLabel = "HPKE-v1";
constexpr std::uint8_t kModeBase = 0x00;
constexpr std::size_t kSharedSecretSize = 32;  // Nsecret of DHKEM(X25519, HKDF-SHA256)

void append(Bytes& out, ByteView bytes) { out.insert(out.end(), bytes.begin(), bytes.end()); }
void append(Bytes& out, std::string_view text) { out.insert(out.end(), text.begin(), text.end()); }
void append_u16(Bytes& out, std::uint16_t value) {  // I2OSP(value, 2)
    out.push_back(static_cast<std::uint8_t>(value >> 8));
    out.push_back(static_cast<std::uint8_t>(value & 0xFFU));
}

// suite_id = "KEM" || I2OSP(kem_id, 2) for the KEM's own derivations (§4.1) ...
Bytes kem_suite_id() {
    Bytes id;
    append(id, std::string_view("KEM"));
    append_u16(id, kKemX25519HkdfSha256);
    return id;
}

// ... and "HPKE" || kem_id || kdf_id || aead_id for the key schedule (§5.1).
Bytes hpke_suite_id(Aead aead) {
    Bytes id;
    append(id, std::string_view("HPKE"));
    append_u16(id, kKemX25519HkdfSha256);
    append_u16(id, kKdfHkdfSha256);
    append_u16(id, static_cast<std::uint16_t>(aead));
    return id;
}

// LabeledExtract(salt, label, ikm) = Extract(salt, "HPKE-v1" || suite_id || label || ikm) (§4).
Result<SecureBytes> labeled_extract(ByteView suite_id, ByteView salt, std::string_view label, ByteView ikm) {
    Bytes labeled_ikm;
    append(labeled_ikm, kVersionLabel);
    append(labeled_ikm, suite_id);
    append(labeled_ikm, label);
    append(labeled_ikm, ikm);
    auto prk = hkdf_sha256_extract(salt, labeled_ikm);
    OPENSSL_cleanse(labeled_ikm.data(), labeled_ikm.size());  // it holds the DH output or the secret
    return prk;
}

// LabeledExpand(prk, label, info, L) = Expand(prk, I2OSP(L, 2) || "HPKE-v1" || suite_id || label
// || info, L) (§4).
Result<SecureBytes> labeled_expand(ByteView suite_id, ByteView prk, std::string_view label, ByteView info,
                                   std::size_t length) {
    Bytes labeled_info;
    append_u16(labeled_info, static_cast<std::uint16_t>(length));
    append(labeled_info, kVersionLabel);
    append(labeled_info, suite_id);
    append(labeled_info, label);
    append(labeled_info, info);
    return hkdf_sha256_expand(prk, labeled_info, length);
}

Status check_key(ByteView key, const char* what) {
    if (key.size() != kX25519KeySize) {
        return make_error("security", std::string("HPKE: ") + what + " must be 32 bytes, got " +
                                          std::to_string(key.size()));
    }
    return ok_status();
}

Result<PkeyPtr> private_key(ByteView bytes) {
    KIOSK_TRY(check_key(bytes, "an X25519 private key"));
    PkeyPtr key(EVP_PKEY_new_raw_private_key_ex(nullptr, "X25519", nullptr, bytes.data(), bytes.size()));
    if (!key) return openssl_error("HPKE: cannot load the X25519 private key");
    return key;
}

Result<PkeyPtr> public_key(ByteView bytes) {
    KIOSK_TRY(check_key(bytes, "an X25519 public key"));
    PkeyPtr key(EVP_PKEY_new_raw_public_key_ex(nullptr, "X25519", nullptr, bytes.data(), bytes.size()));
    if (!key) return openssl_error("HPKE: cannot load the X25519 public key");
    return key;
}

Result<Bytes> raw_public_key(const EVP_PKEY& key) {
    Bytes out(kX25519KeySize);
    std::size_t length = out.size();
    if (EVP_PKEY_get_raw_public_key(&key, out.data(), &length) != 1 || length != kX25519KeySize) {
        return openssl_error("HPKE: cannot read the X25519 public key");
    }
    return out;
}

// DH(sk, pk) (§4.1), refusing the all-zero output of a small-order point (§7.1.4).
Result<SecureBytes> diffie_hellman(EVP_PKEY& own, EVP_PKEY& peer) {
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, &own, nullptr));
    if (!ctx) return openssl_error("HPKE: cannot allocate an X25519 context");
    if (EVP_PKEY_derive_init(ctx.get()) != 1 || EVP_PKEY_derive_set_peer(ctx.get(), &peer) != 1) {
        return openssl_error("HPKE: X25519 key agreement setup failed");
    }
    SecureBytes shared(kX25519KeySize);
    std::size_t length = shared.size();
    if (EVP_PKEY_derive(ctx.get(), shared.data(), &length) != 1 || length != kX25519KeySize) {
        // OpenSSL itself refuses an all-zero X25519 result; say why in our words.
        (void)openssl_error("");
        return make_error("security", "HPKE: X25519 key agreement failed (a small-order or invalid public key)");
    }
    const SecureBytes zeros(kX25519KeySize);
    if (CRYPTO_memcmp(shared.data(), zeros.data(), kX25519KeySize) == 0) {
        return make_error("security", "HPKE: X25519 key agreement gave all zeros (a small-order public key)");
    }
    return shared;
}

// ExtractAndExpand(dh, kem_context) (§4.1): eae_prk, then the shared secret.
Result<SecureBytes> extract_and_expand(ByteView dh, ByteView enc, ByteView recipient_public) {
    const Bytes suite = kem_suite_id();
    auto eae_prk = labeled_extract(suite, {}, "eae_prk", dh);
    if (!eae_prk) return eae_prk.error();
    Bytes kem_context;
    append(kem_context, enc);
    append(kem_context, recipient_public);
    return labeled_expand(suite, eae_prk->view(), "shared_secret", kem_context, kSharedSecretSize);
}

// KeySchedule(mode_base, shared_secret, info, psk = "", psk_id = "") (§5.1).
Status key_schedule(Aead aead, ByteView info, Context& context) {
    const Bytes suite = hpke_suite_id(aead);
    auto psk_id_hash = labeled_extract(suite, {}, "psk_id_hash", {});
    if (!psk_id_hash) return psk_id_hash.error();
    auto info_hash = labeled_extract(suite, {}, "info_hash", info);
    if (!info_hash) return info_hash.error();
    Bytes schedule_context{kModeBase};
    append(schedule_context, psk_id_hash->view());
    append(schedule_context, info_hash->view());

    auto secret = labeled_extract(suite, context.shared_secret.view(), "secret", {});
    if (!secret) return secret.error();
    auto key = labeled_expand(suite, secret->view(), "key", schedule_context, key_size(aead));
    if (!key) return key.error();
    auto base_nonce = labeled_expand(suite, secret->view(), "base_nonce", schedule_context, kNonceSize);
    if (!base_nonce) return base_nonce.error();
    context.key = std::move(*key);
    context.base_nonce.assign(base_nonce->view().begin(), base_nonce->view().end());
    return ok_status();
}

Status check_aead(Aead aead) {
    if (aead != Aead::Aes128Gcm && aead != Aead::Aes256Gcm) {
        return make_error("security", "HPKE: aead_id " + std::to_string(static_cast<unsigned>(aead)) +
                                          " is not supported (1 = AES-128-GCM, 2 = AES-256-GCM)");
    }
    return ok_status();
}

}  // namespace

std::size_t key_size(Aead aead) { return aead == Aead::Aes128Gcm ? kAes128KeySize : kAes256KeySize; }

Result<Bytes> x25519_public_key(ByteView private_key_bytes) {
    auto key = private_key(private_key_bytes);
    if (!key) return key.error();
    return raw_public_key(**key);
}

Result<Context> setup_base_sender(Aead aead, ByteView recipient_public_key, ByteView info,
                                  ByteView ephemeral_private_key) {
    KIOSK_TRY(check_aead(aead));
    // Encap(pkR) (§4.1) with skE given.
    auto recipient = public_key(recipient_public_key);
    if (!recipient) return recipient.error();
    auto ephemeral = private_key(ephemeral_private_key);
    if (!ephemeral) return ephemeral.error();
    auto dh = diffie_hellman(**ephemeral, **recipient);
    if (!dh) return dh.error();
    Context context;
    auto enc = raw_public_key(**ephemeral);
    if (!enc) return enc.error();
    context.enc = std::move(*enc);
    auto shared = extract_and_expand(dh->view(), context.enc, recipient_public_key);
    if (!shared) return shared.error();
    context.shared_secret = std::move(*shared);
    KIOSK_TRY(key_schedule(aead, info, context));
    return context;
}

Result<Context> setup_base_recipient(Aead aead, ByteView enc, ByteView recipient_private_key, ByteView info) {
    KIOSK_TRY(check_aead(aead));
    // Decap(enc, skR) (§4.1).
    auto ephemeral = public_key(enc);
    if (!ephemeral) return ephemeral.error();
    auto recipient = private_key(recipient_private_key);
    if (!recipient) return recipient.error();
    auto dh = diffie_hellman(**recipient, **ephemeral);
    if (!dh) return dh.error();
    auto recipient_public = raw_public_key(**recipient);
    if (!recipient_public) return recipient_public.error();
    Context context;
    context.enc.assign(enc.begin(), enc.end());
    auto shared = extract_and_expand(dh->view(), enc, *recipient_public);
    if (!shared) return shared.error();
    context.shared_secret = std::move(*shared);
    KIOSK_TRY(key_schedule(aead, info, context));
    return context;
}

Result<Sealed> seal_base_with_ephemeral(Aead aead, ByteView recipient_public_key, ByteView info, ByteView aad,
                                        ByteView plaintext, ByteView ephemeral_private_key) {
    auto context = setup_base_sender(aead, recipient_public_key, info, ephemeral_private_key);
    if (!context) return context.error();
    // Single shot: sequence number 0, so the nonce is base_nonce itself (§5.2, ComputeNonce(0)).
    auto sealed = aes_gcm_encrypt(context->key.view(), context->base_nonce, aad, plaintext);
    if (!sealed) return sealed.error();
    Sealed out;
    out.enc = std::move(context->enc);
    out.ciphertext = std::move(sealed->ciphertext);
    append(out.ciphertext, sealed->tag);
    return out;
}

Result<Sealed> seal_base(Aead aead, ByteView recipient_public_key, ByteView info, ByteView aad, ByteView plaintext,
                         RandomSource& random) {
    // GenerateKeyPair (§7.1.3): any 32 bytes are an X25519 private key (it is clamped on use).
    SecureBytes ephemeral(kX25519KeySize);
    random.fill(std::span<std::uint8_t>(ephemeral.data(), ephemeral.size()));
    return seal_base_with_ephemeral(aead, recipient_public_key, info, aad, plaintext, ephemeral.view());
}

Result<SecureBytes> open_base(Aead aead, ByteView recipient_private_key, ByteView enc, ByteView info, ByteView aad,
                              ByteView ciphertext) {
    if (ciphertext.size() < kTagSize) {
        return make_error("security", "HPKE: ciphertext of " + std::to_string(ciphertext.size()) +
                                          " bytes is shorter than its 16-byte tag");
    }
    auto context = setup_base_recipient(aead, enc, recipient_private_key, info);
    if (!context) return context.error();
    const ByteView body = ciphertext.first(ciphertext.size() - kTagSize);
    const ByteView tag = ciphertext.last(kTagSize);
    auto opened = aes_gcm_decrypt(context->key.view(), context->base_nonce, aad, body, tag);
    if (!opened) {
        if (opened.error().domain == "openssl") return opened.error();
        return make_error("security", "HPKE: authentication failed (wrong private key, or enc, info, aad or "
                                      "ciphertext altered)");
    }
    return std::move(*opened);
}

}  // namespace kiosk::security::hpke
