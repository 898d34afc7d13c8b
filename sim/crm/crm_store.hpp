// What the simulated CRM holds, in its own SQLite file (its own schema, not the kiosk's): every
// record once (the record id is the idempotency key), how often each id arrived, the opened
// payloads, customer profiles, complaints and their status, and a log of the requests it answered.
// So de-duplication and everything opened survive a restart of `kiosk-sim-crm` on the same file.
// Not thread-safe: SimCrmServer uses it under its own mutex. Tests: tests/crm/crm_store_test.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "kiosk/runtime/customer_profiles.hpp"
#include "security/sealed_record.hpp"
#include "sim/crm/opened_record.hpp"
#include "store/database.hpp"
#include "store/transaction.hpp"

namespace kiosk::sim {

// A record as it came in; payload_json is set once the record was opened, open_error when it was
// opened but its payload could not be read as its kind (a complaint without a reference).
struct StoredRecord {
    security::SealedRecord sealed;
    std::int64_t received_unix_ms = 0;
    std::optional<std::string> payload_json;
    std::optional<std::string> open_error;
};

struct StoredComplaint {
    std::string reference;
    std::string pan_token;
    std::string category;
    ComplaintState state = ComplaintState::Received;
    std::int64_t updated_unix_ms = 0;
};

// One request to /v1/records or /v1/profiles/…; http_status 0 = no HTTP answer was given
// (Refuse, Stall, ResetMidAnswer). records_in_batch is 0 when the batch was not read.
struct RequestLogEntry {
    std::int64_t unix_ms = 0;
    std::string path;
    int http_status = 0;
    std::size_t records_in_batch = 0;

    friend bool operator==(const RequestLogEntry&, const RequestLogEntry&) = default;
};

class CrmStore {
public:
    // Opens (creating if absent) the CRM database at `path`; empty = a private in-memory one.
    static Result<CrmStore> open(const std::filesystem::path& path);

    // One batch is one transaction, so a crash never keeps half of what was answered.
    Result<store::Transaction> begin();

    // Records.
    Result<bool> holds(const std::string& record_id);
    Status count_delivery(const std::string& record_id);
    Result<std::size_t> deliveries(const std::string& record_id);
    // The record id must not be held yet (holds() first): a second insert is an error.
    Status insert_record(const StoredRecord& record);
    Result<std::vector<security::SealedRecord>> sealed_records();  // arrival order
    Result<std::vector<OpenedCrmRecord>> opened_records();         // arrival order, opened ones only
    Result<std::size_t> record_count();

    // Complaints: a reference already held keeps its row (a resent complaint does not reset it).
    Status insert_complaint(const StoredComplaint& complaint);
    // false: no complaint with that reference.
    Result<bool> set_complaint_state(const std::string& reference, ComplaintState state, std::int64_t unix_ms);
    Result<std::vector<StoredComplaint>> complaints_of(const std::string& pan_token);  // newest first
    Result<std::size_t> complaint_count();

    // Profiles, as the profile JSON of docs/cx-records.md.
    Status put_profile(const std::string& pan_token, const std::string& profile_json);
    Result<std::optional<std::string>> profile_json(const std::string& pan_token);

    Status log_request(const RequestLogEntry& entry);
    Result<std::vector<RequestLogEntry>> request_log();  // oldest first

    [[nodiscard]] const std::string& path() const { return database_.path(); }

private:
    explicit CrmStore(store::Database database) : database_(std::move(database)) {}

    store::Database database_;
};

}  // namespace kiosk::sim
