// A record data key wrapped to one CRM record public key with HPKE (hpke.hpp, AES-256-GCM):
// info "kiosk/crm/data-key/v1", AAD = the data key id and the CRM key id, each length-prefixed,
// so a wrap cannot be moved to another data key id or passed off as sealed to another CRM key.
// The kiosk makes wraps (crm_record_sealer.hpp); the CRM opens them (crm/record_opener.hpp).
#pragma once

#include <string>
#include <string_view>

#include "common/bytes.hpp"
#include "common/random_source.hpp"
#include "common/result.hpp"
#include "security/aead.hpp"
#include "security/crm_record_key.hpp"
#include "security/hpke.hpp"

namespace kiosk::security {

inline constexpr std::string_view kDataKeyWrapInfo = "kiosk/crm/data-key/v1";
inline constexpr hpke::Aead kDataKeyWrapAead = hpke::Aead::Aes256Gcm;
inline constexpr std::size_t kWrappedDataKeySize = 32 + hpke::kTagSize;  // the key and its tag

struct WrappedDataKey {
    std::string data_key_id;  // RecordHeader::key_id of the records it seals
    std::string crm_key_id;   // CrmPublicKey::id it was sealed to
    Bytes enc;                // HPKE encapsulated key, 32 bytes
    Bytes wrapped;            // HPKE ciphertext of the 32-byte data key, 48 bytes

    friend bool operator==(const WrappedDataKey&, const WrappedDataKey&) = default;
};

// u32 big-endian length, data key id, u32 length, CRM key id.
Bytes data_key_wrap_aad(std::string_view data_key_id, std::string_view crm_key_id);

Result<WrappedDataKey> wrap_data_key(const CrmPublicKey& crm_key, const DataKey& data_key, RandomSource& random);

// Fails when wrap.crm_key_id is not crm_key's id, or when the wrap does not authenticate (enc,
// wrapped bytes or either id altered).
Result<SecureBytes> unwrap_data_key(const CrmPrivateKey& crm_key, const WrappedDataKey& wrap);

}  // namespace kiosk::security
