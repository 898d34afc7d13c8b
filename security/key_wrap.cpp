// AES-WRAP / AES-WRAP-PAD through EVP (see key_wrap.hpp).
#include "security/key_wrap.hpp"

#include <string>

#include "security/openssl_error.hpp"
#include "security/openssl_fetch.hpp"
#include "security/openssl_length.hpp"

namespace kiosk::security {

namespace {

enum class Mode { Wrap, WrapPad };
constexpr std::size_t kSemiblock = 8;

Result<const char*> cipher_name(ByteView kek, Mode mode) {
    const bool pad = mode == Mode::WrapPad;
    switch (kek.size()) {
        case 16: return pad ? "AES-128-WRAP-PAD" : "AES-128-WRAP";
        case 24: return pad ? "AES-192-WRAP-PAD" : "AES-192-WRAP";
        case 32: return pad ? "AES-256-WRAP-PAD" : "AES-256-WRAP";
        default:
            return make_error("security", "key-encryption key must be 16, 24 or 32 bytes, got " +
                                              std::to_string(kek.size()));
    }
}

// One Update does the whole RFC 3394/5649 operation; Final adds nothing but is called for form.
Result<SecureBytes> run(ByteView kek, ByteView input, Mode mode, bool encrypt, std::size_t max_output) {
    auto name = cipher_name(kek, mode);
    if (!name) return name.error();
    auto cipher = fetch_cipher(*name);
    if (!cipher) return cipher.error();
    auto ctx = new_cipher_ctx();
    if (!ctx) return ctx.error();
    // Required for the wrap modes through EVP: they are not streaming ciphers and OpenSSL refuses
    // them unless the caller says it knows.
    EVP_CIPHER_CTX_set_flags(ctx->get(), EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
    const auto init = encrypt ? EVP_EncryptInit_ex2 : EVP_DecryptInit_ex2;
    if (init(ctx->get(), cipher->get(), kek.data(), nullptr, nullptr) != 1) {
        return openssl_error(std::string(*name) + " init failed");
    }
    const auto length = openssl_length(input.size());
    if (!length) return make_error("security", "key data too long to wrap");

    SecureBytes out(max_output);
    int written = 0;
    const auto update = encrypt ? EVP_EncryptUpdate : EVP_DecryptUpdate;
    if (update(ctx->get(), out.data(), &written, input.data(), *length) != 1 || written < 0) {
        if (!encrypt) {
            (void)openssl_error("");  // the queue holds nothing useful beyond "failed"
            return make_error("security", std::string(*name) + " unwrap failed: integrity check failed "
                                                              "(wrong key-encryption key or altered data)");
        }
        return openssl_error(std::string(*name) + " wrap failed");
    }
    int final_written = 0;
    const auto finish = encrypt ? EVP_EncryptFinal_ex : EVP_DecryptFinal_ex;
    if (finish(ctx->get(), out.data() + written, &final_written) != 1) {
        return openssl_error(std::string(*name) + " finish failed");
    }
    const auto total = static_cast<std::size_t>(written) + static_cast<std::size_t>(final_written);
    SecureBytes result(std::span<const std::uint8_t>(out.data(), total));
    return result;
}

}  // namespace

Result<Bytes> wrap_key(ByteView kek, ByteView key_data) {
    if (key_data.size() < 2 * kSemiblock || key_data.size() % kSemiblock != 0) {
        return make_error("security", "RFC 3394 key data must be a multiple of 8 bytes and at least 16, got " +
                                          std::to_string(key_data.size()));
    }
    auto wrapped = run(kek, key_data, Mode::Wrap, true, key_data.size() + kSemiblock);
    if (!wrapped) return wrapped.error();
    return Bytes(wrapped->begin(), wrapped->end());
}

Result<SecureBytes> unwrap_key(ByteView kek, ByteView wrapped) {
    if (wrapped.size() < 3 * kSemiblock || wrapped.size() % kSemiblock != 0) {
        return make_error("security", "RFC 3394 wrapped key must be a multiple of 8 bytes and at least 24, got " +
                                          std::to_string(wrapped.size()));
    }
    return run(kek, wrapped, Mode::Wrap, false, wrapped.size());
}

Result<Bytes> wrap_key_padded(ByteView kek, ByteView key_data) {
    if (key_data.empty()) return make_error("security", "RFC 5649 key data is empty");
    const std::size_t padded = (key_data.size() + kSemiblock - 1) / kSemiblock * kSemiblock;
    auto wrapped = run(kek, key_data, Mode::WrapPad, true, padded + kSemiblock);
    if (!wrapped) return wrapped.error();
    return Bytes(wrapped->begin(), wrapped->end());
}

Result<SecureBytes> unwrap_key_padded(ByteView kek, ByteView wrapped) {
    if (wrapped.size() < 2 * kSemiblock || wrapped.size() % kSemiblock != 0) {
        return make_error("security", "RFC 5649 wrapped key must be a multiple of 8 bytes and at least 16, got " +
                                          std::to_string(wrapped.size()));
    }
    return run(kek, wrapped, Mode::WrapPad, false, wrapped.size());
}

}  // namespace kiosk::security
