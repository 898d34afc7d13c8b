// The transactional outbox: sealed records waiting for the CRM. Records are added inside a
// business step's transaction (store/business_step.hpp) and leave only when the CRM acknowledged
// their record id; nothing is ever dropped silently — a record the CRM rejects for good moves to
// the dead-letter table with the CRM's reason.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
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

class Outbox {
public:
    // Dead-letter times come from a process-wide SystemClock; use the two-argument constructor
    // wherever a Clock is at hand (always in tests).
    explicit Outbox(Database& database);
    Outbox(Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    // Appends a record (call inside an open Transaction of the same Database). A record id already
    // present is an error, never a silent overwrite.
    Status add(const security::SealedRecord& record);

    // Oldest first (by insertion order), at most `limit` records.
    Result<std::vector<security::SealedRecord>> next_batch(std::size_t limit);

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
