// Data keys are not stored: each is derived from the key-encryption key ("kek" in the key file)
// and its key id with HKDF-SHA-256, so rotating means choosing a new id, and any record's key can
// be re-derived from its header's key_id.
#pragma once

#include <string_view>

#include "common/bytes.hpp"
#include "common/result.hpp"
#include "security/aead.hpp"

namespace kiosk::security {

// Salt of every data-key derivation: a fixed label, so these keys are separated from anything
// else ever derived from the same KEK.
inline constexpr std::string_view kDataKeySalt = "kiosk/security/data-key/v1";
// info = kDataKeyInfoPrefix + key id.
inline constexpr std::string_view kDataKeyInfoPrefix = "kiosk data key ";

// `kek` must be 32 bytes; `key_id` non-empty. Returns DataKey{key_id, 32 derived bytes}.
Result<DataKey> derive_data_key(ByteView kek, std::string_view key_id);

}  // namespace kiosk::security
