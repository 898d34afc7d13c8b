// The simulated CRM's SQLite schema and queries (see crm_store.hpp).
#include "sim/crm/crm_store.hpp"

#include <array>

#include "crm/profile_format.hpp"
#include "store/migrations.hpp"
#include "store/sealed_rows.hpp"
#include "store/statement.hpp"

namespace kiosk::sim {
namespace {

using store::Statement;

// `seq` keeps arrival order (a rowid alone may be renumbered by VACUUM); the sealed columns are
// the store's one layout (store/sealed_rows.hpp), record_id UNIQUE as the idempotency key.
constexpr std::string_view kCrmSchema = R"sql(
CREATE TABLE records (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id        TEXT    NOT NULL UNIQUE,
    kind             TEXT    NOT NULL,
    kiosk_id         TEXT    NOT NULL,
    key_id           TEXT    NOT NULL,
    schema_version   INTEGER NOT NULL,
    created_unix_ms  INTEGER NOT NULL,
    iv               BLOB    NOT NULL,
    ciphertext       BLOB    NOT NULL,
    tag              BLOB    NOT NULL,
    received_unix_ms INTEGER NOT NULL,
    payload_json     TEXT,
    open_error       TEXT
) STRICT;

CREATE TABLE deliveries (
    record_id TEXT    PRIMARY KEY NOT NULL,
    count     INTEGER NOT NULL
) STRICT;

CREATE TABLE profiles (
    pan_token TEXT PRIMARY KEY NOT NULL,
    json      TEXT NOT NULL
) STRICT;

CREATE TABLE complaints (
    reference       TEXT    PRIMARY KEY NOT NULL,
    pan_token       TEXT    NOT NULL,
    category        TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('received', 'in_progress', 'resolved')),
    updated_unix_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX complaints_by_token ON complaints (pan_token, updated_unix_ms);

CREATE TABLE requests (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    unix_ms          INTEGER NOT NULL,
    path             TEXT    NOT NULL,
    http_status      INTEGER NOT NULL,
    records_in_batch INTEGER NOT NULL
) STRICT;
)sql";

constexpr std::array<store::Migration, 1> kCrmMigrations{{
    {1, "simulated CRM: records, deliveries, profiles, complaints, request log", kCrmSchema, nullptr},
}};

constexpr const char* kMemory = ":memory:";

Result<std::size_t> count_of(store::Database& database, std::string_view sql) {
    auto count = store::query_int64(database, sql);
    if (!count) return count.error();
    return static_cast<std::size_t>(*count);
}

StoredComplaint read_complaint(const Statement& row) {
    StoredComplaint complaint;
    complaint.reference = row.column_text(0);
    complaint.pan_token = row.column_text(1);
    complaint.category = row.column_text(2);
    // The CHECK constraint keeps the column to the three names.
    complaint.state = crm::parse_complaint_state(row.column_text(3)).value_or(ComplaintState::Received);
    complaint.updated_unix_ms = row.column_int64(4);
    return complaint;
}

}  // namespace

Result<CrmStore> CrmStore::open(const std::filesystem::path& path) {
    auto database = store::Database::open_with_schema(path.empty() ? kMemory : path.string(), kCrmMigrations);
    if (!database) return database.error();
    return CrmStore(std::move(*database));
}

Result<store::Transaction> CrmStore::begin() { return store::Transaction::begin(database_); }

Result<bool> CrmStore::holds(const std::string& record_id) {
    auto statement = Statement::prepare(database_, "SELECT 1 FROM records WHERE record_id = ?1");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_text(1, record_id));
    return statement->step();
}

Status CrmStore::count_delivery(const std::string& record_id) {
    auto statement = Statement::prepare(
        database_,
        "INSERT INTO deliveries (record_id, count) VALUES (?1, 1) ON CONFLICT (record_id) DO UPDATE SET count = count + 1");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_text(1, record_id));
    return statement->run();
}

Result<std::size_t> CrmStore::deliveries(const std::string& record_id) {
    auto statement = Statement::prepare(database_, "SELECT count FROM deliveries WHERE record_id = ?1");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_text(1, record_id));
    auto row = statement->step();
    if (!row) return row.error();
    return *row ? static_cast<std::size_t>(statement->column_int64(0)) : std::size_t{0};
}

Status CrmStore::insert_record(const StoredRecord& record) {
    auto statement = Statement::prepare(
        database_, "INSERT INTO records (" + std::string(store::kSealedColumns) +
                       ", received_unix_ms, payload_json, open_error) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    if (!statement) return statement.error();
    KIOSK_TRY(store::bind_sealed_record(*statement, 1, record.sealed));
    KIOSK_TRY(statement->bind_int64(10, record.received_unix_ms));
    KIOSK_TRY(record.payload_json ? statement->bind_text(11, *record.payload_json) : statement->bind_null(11));
    KIOSK_TRY(record.open_error ? statement->bind_text(12, *record.open_error) : statement->bind_null(12));
    return statement->run();
}

Result<std::vector<security::SealedRecord>> CrmStore::sealed_records() {
    auto statement = Statement::prepare(database_, "SELECT " + std::string(store::kSealedColumns) + " FROM records ORDER BY seq");
    if (!statement) return statement.error();
    std::vector<security::SealedRecord> records;
    for (;;) {
        auto row = statement->step();
        if (!row) return row.error();
        if (!*row) return records;
        records.push_back(store::read_sealed_record(*statement));
    }
}

Result<std::vector<OpenedCrmRecord>> CrmStore::opened_records() {
    auto statement = Statement::prepare(database_,
                                        "SELECT record_id, kind, kiosk_id, schema_version, created_unix_ms, "
                                        "received_unix_ms, payload_json FROM records "
                                        "WHERE payload_json IS NOT NULL ORDER BY seq");
    if (!statement) return statement.error();
    std::vector<OpenedCrmRecord> records;
    for (;;) {
        auto row = statement->step();
        if (!row) return row.error();
        if (!*row) return records;
        OpenedCrmRecord record;
        record.record_id = statement->column_text(0);
        record.kind = statement->column_text(1);
        record.kiosk_id = statement->column_text(2);
        record.schema_version = static_cast<std::uint32_t>(statement->column_int64(3));
        record.created_unix_ms = statement->column_int64(4);
        record.received_unix_ms = statement->column_int64(5);
        record.payload_json = statement->column_text(6);
        records.push_back(std::move(record));
    }
}

Result<std::size_t> CrmStore::record_count() { return count_of(database_, "SELECT count(*) FROM records"); }

Status CrmStore::insert_complaint(const StoredComplaint& complaint) {
    auto statement = Statement::prepare(database_,
                                        "INSERT INTO complaints (reference, pan_token, category, status, updated_unix_ms) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (reference) DO NOTHING");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_text(1, complaint.reference));
    KIOSK_TRY(statement->bind_text(2, complaint.pan_token));
    KIOSK_TRY(statement->bind_text(3, complaint.category));
    KIOSK_TRY(statement->bind_text(4, crm::complaint_state_name(complaint.state)));
    KIOSK_TRY(statement->bind_int64(5, complaint.updated_unix_ms));
    return statement->run();
}

Result<bool> CrmStore::set_complaint_state(const std::string& reference, ComplaintState state, std::int64_t unix_ms) {
    auto statement =
        Statement::prepare(database_, "UPDATE complaints SET status = ?2, updated_unix_ms = ?3 WHERE reference = ?1");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_text(1, reference));
    KIOSK_TRY(statement->bind_text(2, crm::complaint_state_name(state)));
    KIOSK_TRY(statement->bind_int64(3, unix_ms));
    KIOSK_TRY(statement->run());
    return statement->changes() == 1;
}

Result<std::vector<StoredComplaint>> CrmStore::complaints_of(const std::string& pan_token) {
    auto statement = Statement::prepare(database_,
                                        "SELECT reference, pan_token, category, status, updated_unix_ms FROM complaints "
                                        "WHERE pan_token = ?1 ORDER BY updated_unix_ms DESC, reference");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_text(1, pan_token));
    std::vector<StoredComplaint> complaints;
    for (;;) {
        auto row = statement->step();
        if (!row) return row.error();
        if (!*row) return complaints;
        complaints.push_back(read_complaint(*statement));
    }
}

Result<std::size_t> CrmStore::complaint_count() { return count_of(database_, "SELECT count(*) FROM complaints"); }

Status CrmStore::put_profile(const std::string& pan_token, const std::string& profile_json) {
    auto statement = Statement::prepare(
        database_, "INSERT INTO profiles (pan_token, json) VALUES (?1, ?2) ON CONFLICT (pan_token) DO UPDATE SET json = ?2");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_text(1, pan_token));
    KIOSK_TRY(statement->bind_text(2, profile_json));
    return statement->run();
}

Result<std::optional<std::string>> CrmStore::profile_json(const std::string& pan_token) {
    auto statement = Statement::prepare(database_, "SELECT json FROM profiles WHERE pan_token = ?1");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_text(1, pan_token));
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) return std::optional<std::string>{};
    return std::optional<std::string>(statement->column_text(0));
}

Status CrmStore::log_request(const RequestLogEntry& entry) {
    auto statement = Statement::prepare(
        database_, "INSERT INTO requests (unix_ms, path, http_status, records_in_batch) VALUES (?1, ?2, ?3, ?4)");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_int64(1, entry.unix_ms));
    KIOSK_TRY(statement->bind_text(2, entry.path));
    KIOSK_TRY(statement->bind_int64(3, entry.http_status));
    KIOSK_TRY(statement->bind_int64(4, static_cast<std::int64_t>(entry.records_in_batch)));
    return statement->run();
}

Result<std::vector<RequestLogEntry>> CrmStore::request_log() {
    auto statement =
        Statement::prepare(database_, "SELECT unix_ms, path, http_status, records_in_batch FROM requests ORDER BY seq");
    if (!statement) return statement.error();
    std::vector<RequestLogEntry> log;
    for (;;) {
        auto row = statement->step();
        if (!row) return row.error();
        if (!*row) return log;
        log.push_back({statement->column_int64(0), statement->column_text(1),
                       static_cast<int>(statement->column_int64(2)),
                       static_cast<std::size_t>(statement->column_int64(3))});
    }
}

}  // namespace kiosk::sim
