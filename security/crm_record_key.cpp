// CRM record keys: config text, the private key file, generation (see crm_record_key.hpp).
#include "security/crm_record_key.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <set>

#include "security/hpke.hpp"
#include "security/owner_only_file.hpp"

namespace kiosk::security {
namespace {

constexpr std::size_t kBase64Of32Bytes = 44;  // 4 * ceil(32 / 3), one '=' of padding
constexpr std::size_t kMaxKeyId = 64;
constexpr std::string_view kFormat = "\"<key id>:<base64 of 32 bytes>\"";

Error config_error(const std::string& message) { return make_error("config", message); }

// Strict for exactly 32 bytes, as tls_pin.cpp does for pins: EVP_DecodeBlock alone would accept
// other lengths and pad with zero bytes.
Result<std::array<std::uint8_t, kCrmKeySize>> decode_key(std::string_view encoded) {
    if (encoded.size() != kBase64Of32Bytes || encoded.back() != '=' || encoded[encoded.size() - 2] == '=') {
        return config_error("is not the base64 of 32 bytes (expected 44 characters ending in one '=', got " +
                            std::to_string(encoded.size()) + " characters)");
    }
    std::array<unsigned char, 33> decoded{};  // whole 3-byte groups: 33 for 44 characters
    if (EVP_DecodeBlock(decoded.data(), reinterpret_cast<const unsigned char*>(encoded.data()),
                        static_cast<int>(encoded.size())) != 33) {
        return config_error("is not valid base64");
    }
    std::array<std::uint8_t, kCrmKeySize> key{};
    std::copy_n(decoded.begin(), key.size(), key.begin());
    return key;
}

std::string encode_key(const std::array<std::uint8_t, kCrmKeySize>& key) {
    std::string text(kBase64Of32Bytes, '\0');
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()), key.data(),
                                        static_cast<int>(key.size()));
    text.resize(static_cast<std::size_t>(std::max(written, 0)));
    return text;
}

}  // namespace

std::string CrmPublicKey::to_config_text() const { return id + ":" + encode_key(bytes); }

Status check_crm_key_id(std::string_view id) {
    const bool allowed = std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
               c == '-';
    });
    if (id.empty() || id.size() > kMaxKeyId || !allowed) {
        return config_error("key id \"" + std::string(id.substr(0, kMaxKeyId)) +
                            "\" must be 1-64 characters A-Z, a-z, 0-9, '.', '_' or '-'");
    }
    return ok_status();
}

Result<CrmPublicKey> parse_crm_public_key(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) {
        return config_error("CRM record public key \"" + std::string(text.substr(0, 80)) + "\" is not " +
                            std::string(kFormat) + ": no ':'");
    }
    CrmPublicKey key;
    key.id = std::string(text.substr(0, colon));
    if (auto valid = check_crm_key_id(key.id); !valid) {
        return config_error("CRM record public key: " + valid.error().message);
    }
    auto bytes = decode_key(text.substr(colon + 1));
    if (!bytes) return config_error("CRM record public key '" + key.id + "': " + bytes.error().message);
    if (std::all_of(bytes->begin(), bytes->end(), [](std::uint8_t b) { return b == 0; })) {
        return config_error("CRM record public key '" + key.id + "' is all zeros (not an X25519 public key)");
    }
    key.bytes = *bytes;
    return key;
}

Status check_crm_public_key_set(const std::vector<CrmPublicKey>& keys) {
    if (keys.empty() || keys.size() > 2) {
        return config_error("expected one CRM record public key, or two during a rotation, got " +
                            std::to_string(keys.size()));
    }
    std::set<std::string> ids;
    for (const CrmPublicKey& key : keys) {
        if (!ids.insert(key.id).second) return config_error("CRM record public key id '" + key.id + "' appears twice");
    }
    return ok_status();
}

Result<CrmPrivateKey> CrmPrivateKey::from_bytes(std::string id, ByteView bytes) {
    KIOSK_TRY(check_crm_key_id(id));
    if (bytes.size() != kCrmKeySize) {
        return make_error("security", "CRM record private key '" + id + "' must be 32 bytes, got " +
                                          std::to_string(bytes.size()));
    }
    auto public_bytes = hpke::x25519_public_key(bytes);
    if (!public_bytes) return public_bytes.error();
    CrmPublicKey public_key;
    public_key.id = id;
    std::copy_n(public_bytes->begin(), kCrmKeySize, public_key.bytes.begin());
    return CrmPrivateKey(std::move(id), SecureBytes(bytes), std::move(public_key));
}

Result<CrmPrivateKey> CrmPrivateKey::generate(std::string id, RandomSource& random) {
    SecureBytes bytes(kCrmKeySize);
    random.fill(bytes.span());
    return from_bytes(std::move(id), bytes.view());
}

Result<CrmPrivateKey> CrmPrivateKey::load(std::string id, const std::filesystem::path& path) {
    // One byte more than a key, so a longer file is reported as such rather than cut.
    auto content = read_owner_only_file(path, kCrmKeySize + 1);
    if (!content) return content.error();
    if (content->size() != kCrmKeySize) {
        return make_error("keystore", path.string() + ": a CRM record private key file holds exactly 32 bytes, this "
                                                      "one " + std::to_string(content->size()));
    }
    const ByteView bytes(reinterpret_cast<const std::uint8_t*>(content->data()), content->size());
    auto key = from_bytes(std::move(id), bytes);
    if (!key) return make_error(key.error().domain, path.string() + ": " + key.error().message);
    return key;
}

Status CrmPrivateKey::store(const std::filesystem::path& path, RandomSource& random) const {
    const std::string_view content(reinterpret_cast<const char*>(bytes_.data()), bytes_.size());
    return replace_owner_only_file(path, content, random);
}

}  // namespace kiosk::security
