// Data and journal keys = HKDF-SHA-256(kek, salt label, purpose info) (see data_key_derivation.hpp).
#include "security/data_key_derivation.hpp"

#include <string>

#include "security/aes_gcm.hpp"
#include "security/hkdf.hpp"

namespace kiosk::security {

namespace {

Status check_kek(ByteView kek) {
    if (kek.size() != kAes256KeySize) {
        return make_error("security", "key-encryption key must be 32 bytes, got " + std::to_string(kek.size()));
    }
    return ok_status();
}

}  // namespace

Result<DataKey> derive_data_key(ByteView kek, std::string_view key_id) {
    KIOSK_TRY(check_kek(kek));
    if (key_id.empty()) return make_error("security", "data key id is empty");
    const std::string info = std::string(kDataKeyInfoPrefix) + std::string(key_id);
    auto bytes = hkdf_sha256(kek, to_bytes(kDataKeySalt), to_bytes(info), kAes256KeySize);
    if (!bytes) return bytes.error();
    return DataKey{std::string(key_id), std::move(*bytes)};
}

Result<SecureBytes> derive_journal_key(ByteView kek) {
    KIOSK_TRY(check_kek(kek));
    return hkdf_sha256(kek, to_bytes(kDataKeySalt), to_bytes(kJournalKeyInfo), kAes256KeySize);
}

}  // namespace kiosk::security
