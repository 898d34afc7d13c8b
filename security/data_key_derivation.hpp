// Keys derived from the key-encryption key ("kek" in the keys file) with HKDF-SHA-256. Data keys
// are not stored: each is derived from its key id, so rotating means choosing a new id, and any
// record's key can be re-derived from its header's key_id. The journal's chain key is derived the
// same way under its own label.
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

// info of the journal chain key (salt kDataKeySalt as above). Separate from every data key
// because no key id can make "kiosk data key " + id equal this label.
inline constexpr std::string_view kJournalKeyInfo = "kiosk journal chain key";

// The 32-byte HMAC key for journal_chain.hpp. `kek` must be 32 bytes.
Result<SecureBytes> derive_journal_key(ByteView kek);

}  // namespace kiosk::security
