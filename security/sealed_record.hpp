// A record as it is persisted in the outbox and sent to the CRM: a cleartext header that says
// what the record is, and a payload sealed with AES-256-GCM whose AAD is that header. Changing
// any header field (id, kind, kiosk, key, schema, time) makes the record fail to open.
#pragma once

#include <cstdint>
#include <string>

#include "common/bytes.hpp"

namespace kiosk::security {

struct RecordHeader {
    std::string record_id;    // unique, also the CRM's idempotency key (UUID v4 text)
    std::string kind;         // "journey", "transaction", "survey", …
    std::string kiosk_id;     // terminal id, from config
    std::string key_id;       // which data key sealed the payload
    std::uint32_t schema_version = 1;
    std::int64_t created_unix_ms = 0;

    friend bool operator==(const RecordHeader&, const RecordHeader&) = default;
};

// Canonical, injective byte encoding of the header used as AAD: every field length-prefixed, so
// no two different headers encode to the same bytes.
Bytes header_aad(const RecordHeader& header);

struct SealedRecord {
    RecordHeader header;
    Bytes iv;          // 12 bytes (96-bit GCM nonce)
    Bytes ciphertext;  // same length as the plaintext
    Bytes tag;         // 16 bytes

    friend bool operator==(const SealedRecord&, const SealedRecord&) = default;
};

}  // namespace kiosk::security
