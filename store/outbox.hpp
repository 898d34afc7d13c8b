// The transactional outbox: sealed records waiting for the CRM. Records are added inside a
// business step's transaction (store/business_step.hpp) and leave only when the CRM acknowledged
// their record id; nothing is ever dropped silently — a record the CRM rejects for good moves to
// the dead-letter table with the CRM's reason. The one exception is the size cap
// (outbox_limits.hpp): beyond it the oldest journey telemetry is dropped, counted and reported.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "security/sealed_record.hpp"

namespace kiosk::store {

class Database;

// How delivery of one queued record has gone so far (for retries and the maintenance screen).
struct DeliveryAttempts {
    std::int64_t attempts = 0;
    std::optional<std::string> last_error;
};

// A record the CRM refused for good, kept with the CRM's reason for a technician to inspect.
struct DeadLetter {
    security::SealedRecord record;
    std::int64_t attempts = 0;
    std::optional<std::string> last_error;
    std::string reason;
    std::int64_t moved_unix_ms = 0;
};

// How full the outbox is, for the fitness monitor, kioskctl and the alarm.
struct OutboxFill {
    std::int64_t records = 0;
    std::int64_t bytes = 0;  // sealed bytes: iv + ciphertext + tag
    double percent = 0;      // of the tighter cap (records or bytes); 0 without caps
    bool alarm = false;      // raised at alarm_percent, cleared below clear_percent
};

// What an add did beyond inserting.
struct AddReport {
    std::int64_t dropped = 0;   // journey records dropped for room, oldest first
    bool alarm_raised = false;  // this add crossed alarm_percent (the alarm was not raised before)
    OutboxFill fill;            // after the add
};

// Journey records dropped for room and not yet reported to the CRM (a telemetry_dropped record,
// docs/cx-records.md). `through_seq`: pass it to forget_dropped_through() in the transaction that
// commits the report, so drops made meanwhile stay for the next report.
struct DroppedTelemetry {
    std::int64_t dropped = 0;
    std::int64_t oldest_unix_ms = 0;  // creation times of the oldest and newest dropped record
    std::int64_t newest_unix_ms = 0;
    std::int64_t through_seq = 0;
};

class Outbox {
public:
    // Dead-letter times come from a process-wide SystemClock; use the two-argument constructor
    // wherever a Clock is at hand (always in tests).
    explicit Outbox(Database& database);
    Outbox(Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    // Appends a record (call inside an open Transaction of the same Database). A record id already
    // present is an error, never a silent overwrite.
    Status add(const security::SealedRecord& record);

    // Appends every record with its kind's priority (record_priority.hpp), one prepared statement
    // for all, then applies the database's OutboxLimits once: while over a cap, the oldest
    // priority-2 (journey) records are deleted — possibly one just added — and counted in
    // outbox_dropped; records of other priorities are never dropped, so the add succeeds above
    // the cap when only they fill it. Call inside an open Transaction: the drops are part of it.
    Result<AddReport> add(std::span<const security::SealedRecord> records);

    // Priority 0 before 1 before 2, oldest first (insertion order) within a priority; at most
    // `limit` records.
    Result<std::vector<security::SealedRecord>> next_batch(std::size_t limit);

    Result<OutboxFill> fill();

    // Whether the record is still queued (not acknowledged or dead-lettered yet).
    Result<bool> contains(const std::string& record_id);

    // Unreported drops (nullopt: none). See DroppedTelemetry.
    Result<std::optional<DroppedTelemetry>> dropped_telemetry();
    // Forgets the drops up to `through_seq` (they have been reported).
    Status forget_dropped_through(std::int64_t through_seq);

    // Deletes the given records (the CRM acknowledged them). Unknown ids are ignored: an
    // acknowledgement may arrive twice after a retry.
    Status acknowledge(const std::vector<std::string>& record_ids);

    // Moves a record the CRM refuses for good to the dead-letter table, keeping the reason.
    Status dead_letter(const std::string& record_id, const std::string& reason);

    Result<std::size_t> pending_count();
    Result<std::size_t> dead_letter_count();

    // Counts one failed delivery of a queued record and keeps the failure text (never record
    // contents: the uploader passes the transport or CRM error). Unknown ids are ignored, since
    // the record may have been acknowledged meanwhile.
    Status record_attempt(const std::string& record_id, const std::string& error_text);

    // Delivery history of a queued record; nullopt if it is not (or no longer) in the outbox.
    Result<std::optional<DeliveryAttempts>> delivery(const std::string& record_id);

    // Oldest first, at most `limit`.
    Result<std::vector<DeadLetter>> dead_letters(std::size_t limit);

private:
    Database& database_;
    const Clock& clock_;
};

}  // namespace kiosk::store
