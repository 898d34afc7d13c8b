// The CRM's side of sealing (the simulated CRM uses it; the bank's CRM does the same): finds the
// wrap of a record's data key in its batch, unwraps it with the CRM record private key it names,
// and opens the record with the header as AAD. Each failure is a reason the CRM sends back for
// that record (RecordOutcome::Rejected), so the kiosk dead-letters it with words a technician can
// act on. Unwrapped data keys are cached by id, per wrap. Not thread-safe: one per ingest thread
// (or under the caller's lock). Tests: tests/crm/record_opener_test.cpp.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "crm/wire_format.hpp"
#include "security/crm_record_key.hpp"
#include "security/sealed_record.hpp"
#include "security/secure_bytes.hpp"

namespace kiosk::crm {

class RecordOpener {
public:
    // The CRM's record private keys: one, or the old and the new during a rotation.
    explicit RecordOpener(std::vector<security::CrmPrivateKey> keys);

    // The payload JSON, or an Error (domain "crm") whose message is the reason to send back:
    //   "no wrapped key for data key 'y'"             the batch carries no wrap for header.key_id
    //   "sealed to unknown CRM key 'x'"              wrapped only to keys this CRM does not hold
    //   "authentication failed (header, wrapped key or ciphertext altered)"
    Result<std::string> open(const UploadBatch& batch, const security::SealedRecord& record);

    [[nodiscard]] std::size_t cached_keys() const { return cache_.size(); }

private:
    struct CachedKey {
        security::WrappedDataKey wrap;  // the wrap the key came from: a different wrap is unwrapped anew
        security::SecureBytes key;
    };

    Result<security::SecureBytes> data_key(const UploadBatch& batch, const std::string& data_key_id);
    [[nodiscard]] const security::CrmPrivateKey* private_key(const std::string& crm_key_id) const;

    std::vector<security::CrmPrivateKey> keys_;
    std::map<std::string, CachedKey> cache_;
};

}  // namespace kiosk::crm
