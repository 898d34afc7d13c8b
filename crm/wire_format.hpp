// The CRM upload protocol as JSON: a batch of sealed records going out, and the CRM's per-record
// answer coming back. Both directions live here because the simulated CRM speaks the same code.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "security/data_key_wrap.hpp"
#include "security/sealed_record.hpp"

namespace kiosk::crm {

// The newest journal entry's seq and HMAC chain MAC when the batch was read (store::Journal::anchor),
// so the bank holds the point the kiosk's journal had reached: an exported journal that ends
// before it, or holds another MAC there, was cut off or rewritten (docs/crm.md, "Journal anchor").
// The default is the anchor of a journal with no chained entry: sequence 0, the genesis MAC.
struct JournalAnchor {
    std::int64_t sequence = 0;
    Bytes mac = Bytes(32, 0);  // HMAC-SHA-256: 32 bytes

    friend bool operator==(const JournalAnchor&, const JournalAnchor&) = default;
};

// {"kiosk_id":…, "records":[{"id","kind","kiosk_id","key_id","schema_version","created_unix_ms",
//  "iv","ciphertext","tag"}], "data_keys":[{"key_id","crm_key_id","enc","wrapped"}],
//  "journal_anchor":{"sequence":n,"mac":"<64 hex digits>"}}, binary record fields in base64.
// data_keys carries the wraps of the data keys the records use (one per CRM record key: two
// during a rotation), so the CRM can open every record (crm/record_opener.hpp).
struct UploadBatch {
    std::string kiosk_id;
    std::vector<security::SealedRecord> records;
    std::vector<security::WrappedDataKey> data_keys = {};  // "= {}": {kiosk_id, records} still initializes
    JournalAnchor journal_anchor = {};

    friend bool operator==(const UploadBatch&, const UploadBatch&) = default;
};

// What the CRM did with one record. Accepted and Duplicate both mean "the CRM has it" (the record
// id is the idempotency key); Rejected means "never send this again" (it goes to dead letters).
enum class RecordOutcome { Accepted, Duplicate, Rejected };

struct RecordResult {
    std::string record_id;
    RecordOutcome outcome = RecordOutcome::Accepted;
    std::string reason;  // required for Rejected, optional otherwise

    friend bool operator==(const RecordResult&, const RecordResult&) = default;
};

[[nodiscard]] std::string_view outcome_name(RecordOutcome outcome);

[[nodiscard]] std::string encode_batch(const UploadBatch& batch);

// Strict: every field present with its type, iv 12 bytes, tag 16 bytes, record ids unique;
// data_keys present (possibly empty), each entry with enc 32 bytes, wrapped 48 bytes and a
// (key_id, crm_key_id) pair not seen before. A record whose key has no entry is not a format
// error: the CRM rejects that record with the reason. journal_anchor required (a batch without one is refused),
// its sequence a non-negative integer and its mac 32 bytes in hex. Unknown extra fields are tolerated so either
// side can grow the format first.
Result<UploadBatch> decode_batch(std::string_view json);

// {"results":[{"id":…, "status":"accepted"|"duplicate"|"rejected", "reason":…}]}
[[nodiscard]] std::string encode_answer(const std::vector<RecordResult>& results);

// Strict: not JSON, a missing or mistyped field, an unknown status, a rejection without a reason,
// an id answered twice or an id that is not in `sent_ids` make the whole answer an Error — the
// caller then acknowledges nothing. Ids that were sent but not answered are simply absent from
// the result (the caller keeps those records for the next round).
Result<std::vector<RecordResult>> decode_answer(std::string_view json, std::span<const std::string> sent_ids);

}  // namespace kiosk::crm
