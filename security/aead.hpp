// Sealing of outbox/CRM records: AES-256-GCM with a fresh random 96-bit IV per record, a 16-byte
// tag, and the record's header (header_aad) as AAD, so the header cannot be changed or swapped
// between records without open() failing.
#pragma once

#include <string>

#include "common/bytes.hpp"
#include "common/random_source.hpp"
#include "common/result.hpp"
#include "security/sealed_record.hpp"
#include "security/secure_bytes.hpp"

namespace kiosk::security {

struct DataKey {
    std::string id;     // goes into RecordHeader::key_id; names the key without revealing it
    SecureBytes bytes;  // 32 bytes
};

// A usable data key: non-empty id and exactly 32 bytes.
Status check_data_key(const DataKey& key);

// Seals `plaintext` under `key`. Sets header.key_id = key.id before computing the AAD. The IV comes
// from `random` (OsRandom in production). Callers should go through RecordSealer, which enforces
// the per-key encryption limit that random IVs require.
Result<SealedRecord> seal(const DataKey& key, RecordHeader header, ByteView plaintext, RandomSource& random);

// Opens a record sealed by seal(). Fails when record.header.key_id is not key.id, when the IV or
// tag has the wrong length, or when authentication fails (any byte of header, IV, ciphertext or
// tag changed). The error never contains plaintext.
Result<SecureBytes> open(const DataKey& key, const SealedRecord& record);

}  // namespace kiosk::security
