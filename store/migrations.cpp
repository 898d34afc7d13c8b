// The kiosk schema and the user_version-driven migration runner (see migrations.hpp).
#include "store/migrations.hpp"

#include <array>
#include <sstream>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/kv_store.hpp"
#include "store/record_priority.hpp"
#include "store/sealed_rows.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

// Before schema 4 an open bracket was the kv value "withdrawal.in_flight": its sealed record as
// eight lines (record id, kiosk id, key id, schema version, creation time, then IV, ciphertext and
// tag in hex). A kiosk that lost power mid-dispense and then got new firmware still has one, and
// it must still be reversed: it moves to its table unchanged (same header, so its seal opens).
constexpr std::string_view kLegacyBracketKey = "withdrawal.in_flight";
constexpr std::string_view kBracketKind = "withdrawal_in_flight";

Result<security::SealedRecord> parse_legacy_bracket(const std::string& text) {
    std::vector<std::string> fields;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) fields.push_back(line);
    const auto refused = [](const std::string& what) {
        return make_error("store", "migrating the open in-flight bracket: " + what);
    };
    if (fields.size() != 8) return refused("it has " + std::to_string(fields.size()) + " fields, expected 8");
    security::SealedRecord sealed;
    try {
        sealed.header = security::RecordHeader{fields[0], std::string(kBracketKind), fields[1], fields[2],
                                               static_cast<std::uint32_t>(std::stoul(fields[3])), std::stoll(fields[4])};
    } catch (const std::exception&) {
        return refused("its schema version or creation time is not a number");
    }
    auto iv = from_hex(fields[5]);
    auto ciphertext = from_hex(fields[6]);
    auto tag = from_hex(fields[7]);
    if (!iv.ok() || !ciphertext.ok() || !tag.ok()) return refused("a sealed field is not hex");
    sealed.iv = std::move(*iv);
    sealed.ciphertext = std::move(*ciphertext);
    sealed.tag = std::move(*tag);
    return sealed;
}

Status move_kv_bracket_to_its_table(Database& database) {
    auto stored = KvStore(database).get(std::string(kLegacyBracketKey));
    if (!stored.ok()) return stored.error();
    if (!stored->has_value()) return ok_status();
    auto sealed = parse_legacy_bracket(**stored);
    if (!sealed.ok()) return sealed.error();
    KIOSK_TRY(SealedRows(database, "withdrawal_in_flight").insert(*sealed));
    return KvStore(database).erase(std::string(kLegacyBracketKey));
}

// STRICT tables (SQLite >= 3.37) refuse values of the wrong type instead of storing them
// anyway; for counters this also turns an int64 overflow (which SQLite would silently make a
// REAL) into an error.
constexpr std::string_view kInitialSchema = R"sql(
CREATE TABLE outbox (
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
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT
) STRICT;

CREATE TABLE dead_letter (
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
    attempts         INTEGER NOT NULL,
    last_error       TEXT,
    reason           TEXT    NOT NULL,
    moved_unix_ms    INTEGER NOT NULL
) STRICT;

CREATE TABLE journal (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    time_unix_ms     INTEGER NOT NULL,
    actor            TEXT    NOT NULL,
    event_type       TEXT    NOT NULL,
    outcome          TEXT    NOT NULL,
    origin           TEXT    NOT NULL,
    resource         TEXT    NOT NULL,
    detail           TEXT    NOT NULL,
    mac              BLOB
) STRICT;

CREATE TABLE counters (
    name             TEXT    PRIMARY KEY,
    value            INTEGER NOT NULL
) STRICT;

CREATE TABLE kv (
    key              TEXT    PRIMARY KEY,
    value            TEXT    NOT NULL
) STRICT;
)sql";

// Technician accounts (security/access/): hashes only, never a PIN/password. The lockout state
// is here rather than in memory so a restart does not unlock an id under attack.
constexpr std::string_view kTechnicianUsers = R"sql(
CREATE TABLE technician_users (
    id                    TEXT    PRIMARY KEY,
    role                  TEXT    NOT NULL CHECK (role IN ('technician', 'supervisor')),
    password_hash         TEXT    NOT NULL,
    failed_attempts       INTEGER NOT NULL DEFAULT 0,
    locked_until_unix_ms  INTEGER NOT NULL DEFAULT 0
) STRICT;
)sql";

// Queued reversals (host/reversal_queue.hpp). Firmware before schema 3 created this table itself
// when the queue opened, with the same columns but no `kind`: IF NOT EXISTS keeps such a table and
// its rows, and the ALTER gives old and new tables alike the sealed-row shape (store/sealed_rows.hpp).
constexpr std::string_view kHostReversals = R"sql(
CREATE TABLE IF NOT EXISTS host_reversals (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id        TEXT    NOT NULL UNIQUE,
    stan             INTEGER NOT NULL,
    original_stan    INTEGER NOT NULL,
    kiosk_id         TEXT    NOT NULL,
    key_id           TEXT    NOT NULL,
    schema_version   INTEGER NOT NULL,
    created_unix_ms  INTEGER NOT NULL,
    iv               BLOB    NOT NULL,
    ciphertext       BLOB    NOT NULL,
    tag              BLOB    NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT
) STRICT;
ALTER TABLE host_reversals ADD COLUMN kind TEXT NOT NULL DEFAULT 'host_reversal';
)sql";

// The withdrawal in-flight bracket (kiosk/runtime/in_flight_bracket.hpp): at most one row, the
// sealed reversal that undoes the withdrawal being dispensed.
constexpr std::string_view kWithdrawalInFlight = R"sql(
CREATE TABLE withdrawal_in_flight (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id        TEXT    NOT NULL UNIQUE,
    kind             TEXT    NOT NULL,
    kiosk_id         TEXT    NOT NULL,
    key_id           TEXT    NOT NULL,
    schema_version   INTEGER NOT NULL,
    created_unix_ms  INTEGER NOT NULL,
    iv               BLOB    NOT NULL,
    ciphertext       BLOB    NOT NULL,
    tag              BLOB    NOT NULL
) STRICT;
)sql";

// Data keys of the records sealed to the CRM (security/crm_record_sealer.hpp): never the key, only
// its wraps, one per CRM record public key (two during a rotation). Written before the first record
// sealed under the key, so every outbox record can travel with its wraps (crm/outbox_queue.hpp).
constexpr std::string_view kCrmDataKeys = R"sql(
CREATE TABLE crm_data_keys (
    data_key_id      TEXT    PRIMARY KEY,
    created_unix_ms  INTEGER NOT NULL
) STRICT;

CREATE TABLE crm_data_key_wraps (
    data_key_id      TEXT    NOT NULL REFERENCES crm_data_keys (data_key_id),
    crm_key_id       TEXT    NOT NULL,
    enc              BLOB    NOT NULL,
    wrapped          BLOB    NOT NULL,
    PRIMARY KEY (data_key_id, crm_key_id)
) STRICT;
)sql";

// Outbox priorities and the size cap (record_priority.hpp, outbox_limits.hpp). The priority column
// is filled from the kind by convert_data (one mapping, in C++); the index serves next_batch
// (priority, then age) and the drop of the oldest telemetry. outbox_fill keeps the count and the
// sealed bytes up to date through triggers, so checking the cap on every add costs one row read,
// not a count(*) over the table. outbox_dropped: one row per add that dropped telemetry for room,
// until the CX recorder has reported them in a telemetry_dropped record.
constexpr std::string_view kOutboxPriorities = R"sql(
ALTER TABLE outbox ADD COLUMN priority INTEGER NOT NULL DEFAULT 1;
CREATE INDEX outbox_by_priority ON outbox (priority, seq);

CREATE TABLE outbox_fill (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    records          INTEGER NOT NULL,
    bytes            INTEGER NOT NULL,
    alarm            INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO outbox_fill (id, records, bytes)
    SELECT 1, count(*), coalesce(sum(length(iv) + length(ciphertext) + length(tag)), 0) FROM outbox;
CREATE TRIGGER outbox_fill_on_insert AFTER INSERT ON outbox BEGIN
    UPDATE outbox_fill SET records = records + 1,
                           bytes = bytes + length(NEW.iv) + length(NEW.ciphertext) + length(NEW.tag)
     WHERE id = 1;
END;
CREATE TRIGGER outbox_fill_on_delete AFTER DELETE ON outbox BEGIN
    UPDATE outbox_fill SET records = records - 1,
                           bytes = bytes - length(OLD.iv) - length(OLD.ciphertext) - length(OLD.tag)
     WHERE id = 1;
END;

CREATE TABLE outbox_dropped (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    dropped          INTEGER NOT NULL,
    oldest_unix_ms   INTEGER NOT NULL,
    newest_unix_ms   INTEGER NOT NULL
) STRICT;
)sql";

// Rows queued before schema 6 get their kind's priority.
Status prioritise_queued_records(Database& database) {
    auto kinds = Statement::prepare(database, "SELECT DISTINCT kind FROM outbox");
    if (!kinds) return kinds.error();
    std::vector<std::string> found;
    while (true) {
        auto row = kinds->step();
        if (!row) return row.error();
        if (!*row) break;
        found.push_back(kinds->column_text(0));
    }
    auto update = Statement::prepare(database, "UPDATE outbox SET priority = ?1 WHERE kind = ?2");
    if (!update) return update.error();
    for (const std::string& kind : found) {
        KIOSK_TRY(update->bind_int64(1, static_cast<int>(record_priority(kind))));
        KIOSK_TRY(update->bind_text(2, kind));
        KIOSK_TRY(update->run());
        update->reset();
    }
    return ok_status();
}

// The kiosk's own CX statistics (store/cx_stats.hpp): its CRM records are sealed to the CRM, so
// the daily service-quality index is computed from these card-data-free summaries.
constexpr std::string_view kCxStats = R"sql(
CREATE TABLE cx_stats (
    id               INTEGER PRIMARY KEY,
    day              TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    summary_json     TEXT    NOT NULL
) STRICT;
CREATE INDEX cx_stats_by_day ON cx_stats (day);

CREATE TABLE service_availability (
    day                TEXT    PRIMARY KEY,
    in_service_ms      INTEGER NOT NULL DEFAULT 0,
    out_of_service_ms  INTEGER NOT NULL DEFAULT 0
) STRICT;
)sql";

// Customer profiles cached for offline use (kiosk/runtime/profile_cache.hpp): one sealed row per
// card token (record id "profile-<token>"), kept until its expiry.
constexpr std::string_view kProfileCache = R"sql(
CREATE TABLE profile_cache (
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
    expires_unix_ms  INTEGER NOT NULL
) STRICT;
)sql";

// The journal search (Journal::search, the service page's quick searches): an event family or a
// time range, newest first, without reading the whole journal. IF NOT EXISTS: the upgrade tests
// (and a database rolled back by hand) replay it over a schema that already has them.
constexpr std::string_view kJournalSearchIndexes = R"sql(
CREATE INDEX IF NOT EXISTS journal_by_event ON journal (event_type, seq);
CREATE INDEX IF NOT EXISTS journal_by_time ON journal (time_unix_ms);
)sql";

constexpr std::array kMigrations{
    Migration{1, "outbox, dead_letter, journal, counters, kv", kInitialSchema},
    Migration{2, "technician_users", kTechnicianUsers},
    Migration{3, "host_reversals (was created by the reversal queue itself)", kHostReversals},
    Migration{4, "withdrawal_in_flight (the bracket was a kv text value)", kWithdrawalInFlight,
              &move_kv_bracket_to_its_table},
    Migration{5, "crm_data_keys, crm_data_key_wraps (data keys wrapped to the CRM)", kCrmDataKeys},
    Migration{6, "outbox priority, fill counters and dropped-telemetry counts", kOutboxPriorities,
              &prioritise_queued_records},
    Migration{7, "cx_stats, service_availability (the kiosk's own CX statistics)", kCxStats},
    Migration{8, "profile_cache (sealed customer profiles for offline use)", kProfileCache},
    Migration{9, "journal indexes for the journal search", kJournalSearchIndexes},
};

Status set_schema_version(Database& database, int version) {
    // PRAGMA takes no bound parameters; the version is our own integer, not outside input.
    return database.execute("PRAGMA user_version = " + std::to_string(version));
}

Status check_ordered(std::span<const Migration> migrations) {
    int expected = 1;
    for (const Migration& migration : migrations) {
        if (migration.version != expected) {
            return make_error("store", "migration list out of order: expected version " +
                                           std::to_string(expected) + ", found " +
                                           std::to_string(migration.version));
        }
        ++expected;
    }
    return ok_status();
}

}  // namespace

std::span<const Migration> schema_migrations() { return kMigrations; }

int latest_schema_version() { return kMigrations.back().version; }

Result<int> schema_version(Database& database) {
    auto version = query_int64(database, "PRAGMA user_version");
    if (!version) return version.error();
    return static_cast<int>(*version);
}

Status migrate(Database& database, std::span<const Migration> migrations) {
    KIOSK_TRY(check_ordered(migrations));
    const int known = static_cast<int>(migrations.size());
    // Fast path without the write lock: a second connection (the uploader's) opening while the
    // core is mid-transaction would otherwise wait for it only to find nothing to do.
    auto initial = schema_version(database);
    if (!initial) return initial.error();
    if (*initial == known) return ok_status();
    for (const Migration& migration : migrations) {
        // The version is read inside the write transaction: two connections opening the same
        // new file at once (core and uploader) must not both apply a migration.
        auto transaction = Transaction::begin(database);
        if (!transaction) return transaction.error();
        auto current = schema_version(database);
        if (!current) return current.error();
        if (*current > known) {
            return make_error("store", "database " + database.path() + " has schema version " +
                                           std::to_string(*current) + ", newer than this build's " +
                                           std::to_string(known));
        }
        if (*current >= migration.version) continue;  // destructor ends the empty transaction
        auto applied = database.execute(migration.sql);
        if (applied.ok() && migration.convert_data != nullptr) applied = migration.convert_data(database);
        if (!applied) {
            return make_error("store", "migration " + std::to_string(migration.version) + " (" +
                                           std::string(migration.description) +
                                           ") failed: " + applied.error().message,
                              applied.error().native_code);
        }
        KIOSK_TRY(set_schema_version(database, migration.version));
        KIOSK_TRY(transaction->commit());
    }
    return ok_status();
}

}  // namespace kiosk::store
