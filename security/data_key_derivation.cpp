// Data key = HKDF-SHA-256(kek, salt label, "kiosk data key " + id) (see data_key_derivation.hpp).
#include "security/data_key_derivation.hpp"

#include <string>

#include "security/aes_gcm.hpp"
#include "security/hkdf.hpp"

namespace kiosk::security {

Result<DataKey> derive_data_key(ByteView kek, std::string_view key_id) {
    if (kek.size() != kAes256KeySize) {
        return make_error("security", "key-encryption key must be 32 bytes, got " + std::to_string(kek.size()));
    }
    if (key_id.empty()) return make_error("security", "data key id is empty");
    const std::string info = std::string(kDataKeyInfoPrefix) + std::string(key_id);
    auto bytes = hkdf_sha256(kek, to_bytes(kDataKeySalt), to_bytes(info), kAes256KeySize);
    if (!bytes) return bytes.error();
    return DataKey{std::string(key_id), std::move(*bytes)};
}

}  // namespace kiosk::security
