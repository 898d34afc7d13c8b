// The CRM's record key pair (X25519): the kiosk holds only public keys, from config text
// "<key id>:<base64 of 32 bytes>" (one, or two during a rotation); the CRM holds the private key,
// a raw 32-byte file readable by its owner only. Data keys are wrapped to the public key
// (data_key_wrap.hpp), so only the CRM opens the kiosk's records (docs/security.md, "Sealing to
// the CRM").
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/bytes.hpp"
#include "common/random_source.hpp"
#include "common/result.hpp"
#include "security/secure_bytes.hpp"

namespace kiosk::security {

inline constexpr std::size_t kCrmKeySize = 32;

struct CrmPublicKey {
    std::string id;  // 1-64 characters A-Z a-z 0-9 . _ -; names the key in every wrap
    std::array<std::uint8_t, kCrmKeySize> bytes{};

    // "<id>:<base64>", what parse_crm_public_key reads (and crm.record_public_keys holds).
    [[nodiscard]] std::string to_config_text() const;

    friend bool operator==(const CrmPublicKey&, const CrmPublicKey&) = default;
};

// A usable key id: 1-64 characters A-Z a-z 0-9 . _ - (it travels in wraps, AADs and reasons).
Status check_crm_key_id(std::string_view id);

// Parses "<key id>:<base64 of 32 bytes>". Errors (domain "config") name what is wrong: no ':',
// a bad key id, base64 that is not exactly 32 bytes (44 characters ending in one '='), all zeros.
Result<CrmPublicKey> parse_crm_public_key(std::string_view text);

// The kiosk's set: one or two keys (two while the CRM rotates), ids distinct.
Status check_crm_public_key_set(const std::vector<CrmPublicKey>& keys);

class CrmPrivateKey {
public:
    // 32 random bytes from `random` (OsRandom in production).
    static Result<CrmPrivateKey> generate(std::string id, RandomSource& random);
    static Result<CrmPrivateKey> from_bytes(std::string id, ByteView bytes);
    // A raw 32-byte file, mode 0600 (security/owner_only_file.hpp); errors name the file.
    static Result<CrmPrivateKey> load(std::string id, const std::filesystem::path& path);
    // Replaces `path` atomically with the 32 raw bytes, mode 0600.
    Status store(const std::filesystem::path& path, RandomSource& random) const;

    [[nodiscard]] const std::string& id() const { return id_; }
    [[nodiscard]] ByteView bytes() const { return bytes_.view(); }
    [[nodiscard]] const CrmPublicKey& public_key() const { return public_key_; }

private:
    CrmPrivateKey(std::string id, SecureBytes bytes, CrmPublicKey public_key)
        : id_(std::move(id)), bytes_(std::move(bytes)), public_key_(std::move(public_key)) {}

    std::string id_;
    SecureBytes bytes_;
    CrmPublicKey public_key_;
};

}  // namespace kiosk::security
