// Single-block AES via EVP in ECB mode without padding (see aes_block.hpp). ECB is correct here
// only because exactly one block is processed per call.
#include "security/aes_block.hpp"

#include <string>

#include "security/openssl_error.hpp"
#include "security/openssl_fetch.hpp"

namespace kiosk::security {

namespace {

Result<SecureBytes> run(ByteView key, ByteView block, bool encrypt) {
    const char* name = nullptr;
    switch (key.size()) {
        case 16: name = "AES-128-ECB"; break;
        case 24: name = "AES-192-ECB"; break;
        case 32: name = "AES-256-ECB"; break;
        default:
            return make_error("security", "AES key must be 16, 24 or 32 bytes, got " + std::to_string(key.size()));
    }
    if (block.size() != kAesBlockSize) {
        return make_error("security", "AES block must be 16 bytes, got " + std::to_string(block.size()));
    }
    auto cipher = fetch_cipher(name);
    if (!cipher) return cipher.error();
    auto ctx = new_cipher_ctx();
    if (!ctx) return ctx.error();
    const auto init = encrypt ? EVP_EncryptInit_ex2 : EVP_DecryptInit_ex2;
    if (init(ctx->get(), cipher->get(), key.data(), nullptr, nullptr) != 1) {
        return openssl_error(std::string(name) + " init failed");
    }
    EVP_CIPHER_CTX_set_padding(ctx->get(), 0);
    SecureBytes out(kAesBlockSize);
    int written = 0;
    const auto update = encrypt ? EVP_EncryptUpdate : EVP_DecryptUpdate;
    if (update(ctx->get(), out.data(), &written, block.data(), static_cast<int>(kAesBlockSize)) != 1 ||
        written != static_cast<int>(kAesBlockSize)) {
        return openssl_error(std::string(name) + " block operation failed");
    }
    int final_written = 0;
    const auto finish = encrypt ? EVP_EncryptFinal_ex : EVP_DecryptFinal_ex;
    if (finish(ctx->get(), out.data() + written, &final_written) != 1 || final_written != 0) {
        return openssl_error(std::string(name) + " finish failed");
    }
    return out;
}

}  // namespace

Result<SecureBytes> aes_encrypt_block(ByteView key, ByteView block) { return run(key, block, true); }
Result<SecureBytes> aes_decrypt_block(ByteView key, ByteView block) { return run(key, block, false); }

}  // namespace kiosk::security
