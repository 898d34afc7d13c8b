// PBKDF2-HMAC-SHA-256 password hashes (see password_hash.hpp).
#include "security/access/password_hash.hpp"

#include <array>
#include <charconv>
#include <vector>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/params.h>

#include "common/bytes.hpp"
#include "security/openssl_error.hpp"
#include "security/openssl_fetch.hpp"
#include "security/secure_bytes.hpp"

namespace kiosk::security {
namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";
constexpr std::size_t kSaltSize = 16;
constexpr std::size_t kHashSize = 32;

Status check_iterations(std::uint32_t iterations) {
    if (iterations < kMinPasswordIterations || iterations > kMaxPasswordIterations) {
        return make_error("access", "PBKDF2 iteration count " + std::to_string(iterations) + " not in " +
                                        std::to_string(kMinPasswordIterations) + ".." +
                                        std::to_string(kMaxPasswordIterations));
    }
    return ok_status();
}

Result<SecureBytes> pbkdf2(std::string_view secret, ByteView salt, std::uint32_t iterations) {
    auto kdf = fetch_kdf("PBKDF2");
    if (!kdf) return kdf.error();
    KdfCtxPtr ctx(EVP_KDF_CTX_new(kdf->get()));
    if (!ctx) return openssl_error("cannot allocate PBKDF2 context");
    char digest[] = "SHA256";
    // OSSL_PARAM wants non-const pointers; OpenSSL only reads these buffers.
    auto* password = const_cast<char*>(secret.data());              // NOLINT(cppcoreguidelines-pro-type-const-cast)
    auto* salt_bytes = const_cast<std::uint8_t*>(salt.data());      // NOLINT(cppcoreguidelines-pro-type-const-cast)
    unsigned int rounds = iterations;
    const std::array<OSSL_PARAM, 5> params{
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, password, secret.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, salt_bytes, salt.size()),
        OSSL_PARAM_construct_uint(OSSL_KDF_PARAM_ITER, &rounds),
        OSSL_PARAM_construct_end(),
    };
    SecureBytes out(kHashSize);
    if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params.data()) != 1) {
        return openssl_error("PBKDF2-HMAC-SHA-256 derive failed");
    }
    return out;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

}  // namespace

Result<std::string> hash_password(std::string_view secret, std::uint32_t iterations, RandomSource& random) {
    if (secret.empty()) return make_error("access", "the PIN/password is empty");
    KIOSK_TRY(check_iterations(iterations));
    Bytes salt(kSaltSize);
    random.fill(salt);
    auto hash = pbkdf2(secret, salt, iterations);
    if (!hash) return hash.error();
    return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + to_hex(salt) + "$" + to_hex(hash->view());
}

Result<bool> verify_password(std::string_view secret, std::string_view encoded) {
    const auto parts = split(encoded, '$');
    if (parts.size() != 4 || parts[0] != kScheme) {
        return make_error("access", "stored password hash is not pbkdf2-sha256$<iterations>$<salt>$<hash>");
    }
    std::uint32_t iterations = 0;
    const auto [end, error] = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), iterations);
    if (error != std::errc{} || end != parts[1].data() + parts[1].size()) {
        return make_error("access", "stored password hash has a malformed iteration count");
    }
    KIOSK_TRY(check_iterations(iterations));
    auto salt = from_hex(parts[2]);
    if (!salt || salt->size() != kSaltSize) return make_error("access", "stored password hash has a malformed salt");
    auto stored = from_hex(parts[3]);
    if (!stored || stored->size() != kHashSize) return make_error("access", "stored password hash has a malformed hash");
    if (secret.empty()) return false;  // still a well-formed hash: an empty entry simply does not match
    auto derived = pbkdf2(secret, *salt, iterations);
    if (!derived) return derived.error();
    return CRYPTO_memcmp(derived->data(), stored->data(), kHashSize) == 0;
}

}  // namespace kiosk::security
