// Sealed-looking records and journal lines for store tests. The bytes are arbitrary: the store
// never opens a seal, it only keeps the bytes exactly.
#pragma once

#include <cstdint>
#include <string>

#include "common/clock.hpp"
#include "security/sealed_record.hpp"
#include "store/journal.hpp"

namespace kiosk::store::test {

inline security::SealedRecord make_record(const std::string& record_id, std::int64_t created_unix_ms = 1000) {
    security::SealedRecord record;
    record.header.record_id = record_id;
    record.header.kind = "survey";
    record.header.kiosk_id = "KIOSK-0042";
    record.header.key_id = "dk-2026-01";
    record.header.schema_version = 3;
    record.header.created_unix_ms = created_unix_ms;
    record.iv = Bytes(12, 0x11);
    record.ciphertext = to_bytes("sealed:" + record_id);
    record.tag = Bytes(16, 0x22);
    return record;
}

inline JournalLine make_line(const std::string& event_type, std::int64_t time_unix_ms = 5000) {
    JournalLine line;
    line.time_unix_ms = time_unix_ms;
    line.actor = "customer";
    line.event_type = event_type;
    line.outcome = "success";
    line.origin = "KIOSK-0042/core";
    line.resource = "cassette:2";
    line.detail = "amount=100.00 EUR";
    return line;
}

class FixedClock final : public Clock {
public:
    explicit FixedClock(std::int64_t unix_ms) : now_(from_unix_millis(unix_ms)) {}
    [[nodiscard]] TimePoint now() const override { return now_; }

private:
    TimePoint now_;
};

}  // namespace kiosk::store::test
