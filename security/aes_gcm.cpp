// AES-128/256-GCM through OpenSSL 3 EVP (see aes_gcm.hpp).
#include "security/aes_gcm.hpp"

#include <string>


#include "security/openssl_error.hpp"
#include "security/openssl_fetch.hpp"
#include "security/openssl_length.hpp"

namespace kiosk::security {

namespace {

// "AES-128-GCM" or "AES-256-GCM" by key size; an error for any other size.
Result<const char*> cipher_for(ByteView key, ByteView iv) {
    if (iv.size() != kGcmIvSize) {
        return make_error("security", "AES-GCM IV must be 12 bytes, got " + std::to_string(iv.size()));
    }
    if (key.size() == kAes256KeySize) return "AES-256-GCM";
    if (key.size() == kAes128KeySize) return "AES-128-GCM";
    return make_error("security", "AES-GCM key must be 16 or 32 bytes, got " + std::to_string(key.size()));
}

Status check_aes256_key(ByteView key) {
    if (key.size() != kAes256KeySize) {
        return make_error("security", "AES-256-GCM key must be 32 bytes, got " + std::to_string(key.size()));
    }
    return ok_status();
}

// Sets up ctx for GCM with key and IV, then feeds the AAD (output NULL = AAD, per EVP's GCM API).
Result<CipherCtxPtr> start(ByteView key, ByteView iv, ByteView aad, bool encrypt) {
    auto name = cipher_for(key, iv);
    if (!name) return name.error();
    auto cipher = fetch_cipher(*name);
    if (!cipher) return cipher.error();
    auto ctx = new_cipher_ctx();
    if (!ctx) return ctx.error();
    const auto init = encrypt ? EVP_EncryptInit_ex2 : EVP_DecryptInit_ex2;
    if (init(ctx->get(), cipher->get(), key.data(), iv.data(), nullptr) != 1) {
        return openssl_error("AES-GCM init failed");
    }
    const auto aad_length = openssl_length(aad.size());
    if (!aad_length) return make_error("security", "AAD too long");
    if (!aad.empty()) {
        int ignored = 0;
        const auto update = encrypt ? EVP_EncryptUpdate : EVP_DecryptUpdate;
        if (update(ctx->get(), nullptr, &ignored, aad.data(), *aad_length) != 1) {
            return openssl_error("AES-GCM AAD failed");
        }
    }
    return std::move(*ctx);
}

}  // namespace

Result<GcmOutput> aes256_gcm_encrypt(ByteView key, ByteView iv, ByteView aad, ByteView plaintext) {
    KIOSK_TRY(check_aes256_key(key));
    return aes_gcm_encrypt(key, iv, aad, plaintext);
}

Result<SecureBytes> aes256_gcm_decrypt(ByteView key, ByteView iv, ByteView aad, ByteView ciphertext,
                                       ByteView tag) {
    KIOSK_TRY(check_aes256_key(key));
    return aes_gcm_decrypt(key, iv, aad, ciphertext, tag);
}

Result<GcmOutput> aes_gcm_encrypt(ByteView key, ByteView iv, ByteView aad, ByteView plaintext) {
    auto ctx = start(key, iv, aad, true);
    if (!ctx) return ctx.error();
    const auto length = openssl_length(plaintext.size());
    if (!length) return make_error("security", "plaintext too long for one GCM record");

    GcmOutput out;
    out.ciphertext.resize(plaintext.size());
    int written = 0;
    if (!plaintext.empty() &&
        EVP_EncryptUpdate(ctx->get(), out.ciphertext.data(), &written, plaintext.data(), *length) != 1) {
        return openssl_error("AES-GCM encrypt failed");
    }
    int final_written = 0;
    // GCM is a stream mode: Final writes nothing, but it must run to compute the tag.
    if (EVP_EncryptFinal_ex(ctx->get(), out.ciphertext.data() + written, &final_written) != 1) {
        return openssl_error("AES-GCM finish failed");
    }
    out.tag.resize(kGcmTagSize);
    if (EVP_CIPHER_CTX_ctrl(ctx->get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kGcmTagSize), out.tag.data()) != 1) {
        return openssl_error("AES-GCM tag failed");
    }
    return out;
}

Result<SecureBytes> aes_gcm_decrypt(ByteView key, ByteView iv, ByteView aad, ByteView ciphertext, ByteView tag) {
    if (tag.size() != kGcmTagSize) {
        return make_error("security", "AES-GCM tag must be 16 bytes, got " + std::to_string(tag.size()));
    }
    auto ctx = start(key, iv, aad, false);
    if (!ctx) return ctx.error();
    const auto length = openssl_length(ciphertext.size());
    if (!length) return make_error("security", "ciphertext too long for one GCM record");

    SecureBytes plaintext(ciphertext.size());
    int written = 0;
    if (!ciphertext.empty() &&
        EVP_DecryptUpdate(ctx->get(), plaintext.data(), &written, ciphertext.data(), *length) != 1) {
        return openssl_error("AES-GCM decrypt failed");
    }
    // The ctrl takes a non-const pointer but only reads the tag.
    Bytes expected_tag(tag.begin(), tag.end());
    if (EVP_CIPHER_CTX_ctrl(ctx->get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kGcmTagSize),
                            expected_tag.data()) != 1) {
        return openssl_error("AES-GCM set tag failed");
    }
    int final_written = 0;
    if (EVP_DecryptFinal_ex(ctx->get(), plaintext.data() + written, &final_written) <= 0) {
        // Drain the queue so a stale entry does not decorate the next, unrelated error.
        (void)openssl_error("");
        plaintext.wipe();
        return make_error("security", "authentication failed: wrong key, or ciphertext, IV, tag or AAD altered");
    }
    return plaintext;
}

}  // namespace kiosk::security
