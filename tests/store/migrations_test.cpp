// Migrations: applied once in order, idempotent on reopen, each in its own transaction (a failed
// one leaves the previous version intact), and a newer database is refused.
#include "store/migrations.hpp"

#include <gtest/gtest.h>

#include <array>

#include <sqlite3.h>

#include "store/database.hpp"
#include "store/kv_store.hpp"
#include "store/sealed_rows.hpp"
#include "store/statement.hpp"
#include "temp_directory.hpp"
#include "test_records.hpp"

namespace kiosk::store {
namespace {

std::int64_t table_count(Database& database, const char* name) {
    return query_int64(database, std::string("SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                             "AND name = '") + name + "'")
        .value_or(-1);
}

TEST(Migrations, SchemaListIsNumberedFromOneWithoutGaps) {
    int expected = 1;
    for (const Migration& migration : schema_migrations()) EXPECT_EQ(migration.version, expected++);
    EXPECT_EQ(latest_schema_version(), expected - 1);
}

TEST(Migrations, ReopenIsIdempotentAndKeepsData) {
    test::TempDirectory dir;
    {
        auto database = Database::open(dir.file("kiosk.db"));
        ASSERT_TRUE(database.ok());
        ASSERT_TRUE(database->execute("INSERT INTO counters (name, value) VALUES ('c', 3)").ok());
    }
    auto reopened = Database::open(dir.file("kiosk.db"));
    ASSERT_TRUE(reopened.ok()) << reopened.error().to_string();
    EXPECT_EQ(schema_version(*reopened).value_or(-1), latest_schema_version());
    ASSERT_TRUE(migrate(*reopened, schema_migrations()).ok());
    EXPECT_EQ(query_int64(*reopened, "SELECT value FROM counters WHERE name = 'c'").value_or(-1), 3);
}

TEST(Migrations, AppliesOnlyTheMissingOnes) {
    auto database = Database::open_in_memory();
    ASSERT_TRUE(database.ok());
    ASSERT_TRUE(database->execute("PRAGMA user_version = 0").ok());
    const std::array first{Migration{1, "a", "CREATE TABLE a (x INTEGER)"}};
    const std::array both{Migration{1, "a", "CREATE TABLE a (x INTEGER)"},
                          Migration{2, "b", "CREATE TABLE b (x INTEGER)"}};
    ASSERT_TRUE(migrate(*database, first).ok());
    // Migration 1 runs again only if the runner ignored user_version: CREATE TABLE a would fail.
    auto status = migrate(*database, both);
    ASSERT_TRUE(status.ok()) << status.error().to_string();
    EXPECT_EQ(schema_version(*database).value_or(-1), 2);
    EXPECT_EQ(table_count(*database, "b"), 1);
}

TEST(Migrations, AFailedMigrationLeavesThePreviousVersion) {
    auto database = Database::open_in_memory();
    ASSERT_TRUE(database.ok());
    ASSERT_TRUE(database->execute("PRAGMA user_version = 0").ok());
    const std::array list{Migration{1, "a", "CREATE TABLE a (x INTEGER)"},
                          Migration{2, "broken", "CREATE TABLE half (x INTEGER); CREATE TABLEX oops"}};
    auto status = migrate(*database, list);
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().message.find("migration 2"), std::string::npos);
    EXPECT_EQ(schema_version(*database).value_or(-1), 1);
    EXPECT_EQ(table_count(*database, "half"), 0);
    EXPECT_FALSE(database->in_transaction());
}

TEST(Migrations, RefusesAListOutOfOrder) {
    auto database = Database::open_in_memory();
    ASSERT_TRUE(database.ok());
    const std::array list{Migration{1, "a", "SELECT 1"}, Migration{3, "c", "SELECT 1"}};
    EXPECT_FALSE(migrate(*database, list).ok());
}

TEST(Migrations, RefusesADatabaseFromNewerFirmware) {
    test::TempDirectory dir;
    {
        auto database = Database::open(dir.file("kiosk.db"));
        ASSERT_TRUE(database.ok());
        ASSERT_TRUE(database->execute("PRAGMA user_version = 999").ok());
    }
    auto reopened = Database::open(dir.file("kiosk.db"));
    ASSERT_FALSE(reopened.ok());
    EXPECT_NE(reopened.error().message.find("newer"), std::string::npos);
}

// The table as firmware before schema 3 created it from ReversalQueue::open (no `kind`).
constexpr const char* kOldHostReversals = R"sql(
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
)sql";

// Undoes migrations 6 and later on a current database (what schema-5 firmware left).
constexpr const char* kUndoSchema6 =
    "DROP TABLE profile_cache; DROP TABLE cx_stats; DROP TABLE service_availability; "
    "DROP TRIGGER outbox_fill_on_insert; DROP TRIGGER outbox_fill_on_delete; DROP TABLE outbox_fill; "
    "DROP TABLE outbox_dropped; DROP INDEX outbox_by_priority; ALTER TABLE outbox DROP COLUMN priority; "
    "PRAGMA user_version = 5";

// Turns the file into what schema-2 firmware left: the tables of migrations 3 to 5 gone and
// user_version 2. `with_old_reversals`: that firmware's queue had created its own table, with a row.
void make_schema_2_database(const std::string& path, bool with_old_reversals) {
    auto database = Database::open(path);
    ASSERT_TRUE(database.ok()) << database.error().to_string();
    ASSERT_TRUE(database->execute(kUndoSchema6).ok());
    ASSERT_TRUE(database->execute("DROP TABLE host_reversals; DROP TABLE withdrawal_in_flight; DROP TABLE "
                                  "crm_data_key_wraps; DROP TABLE crm_data_keys; PRAGMA user_version = 2")
                    .ok());
    if (!with_old_reversals) return;
    ASSERT_TRUE(database->execute(kOldHostReversals).ok());
    ASSERT_TRUE(database->execute("INSERT INTO host_reversals (record_id, stan, original_stan, kiosk_id, key_id, "
                                  "schema_version, created_unix_ms, iv, ciphertext, tag, attempts) VALUES "
                                  "('rev-old', 12, 11, 'KIOSK-0042', 'dk-1', 1, 777, X'01', X'02', X'03', 2)")
                    .ok());
}

TEST(Migrations, ANewDatabaseHasTheSealedTables) {
    auto database = Database::open_in_memory();
    ASSERT_TRUE(database.ok());
    EXPECT_EQ(schema_version(*database).value_or(-1), latest_schema_version());
    EXPECT_GE(latest_schema_version(), 4);
    for (const char* table : {"outbox", "dead_letter", "host_reversals", "withdrawal_in_flight", "profile_cache"}) {
        EXPECT_EQ(table_count(*database, table), 1) << table;
        // Every sealed table has the nine sealed columns.
        auto select = SealedRows(*database, table).select();
        EXPECT_TRUE(select.ok()) << table << ": " << (select.ok() ? "" : select.error().to_string());
    }
}

TEST(Migrations, ANewDatabaseHasTheCrmDataKeyTables) {
    auto database = Database::open_in_memory();
    ASSERT_TRUE(database.ok());
    EXPECT_GE(latest_schema_version(), 5);
    EXPECT_EQ(table_count(*database, "crm_data_keys"), 1);
    EXPECT_EQ(table_count(*database, "crm_data_key_wraps"), 1);
}

TEST(Migrations, ASchema2DatabaseWithoutTheReversalTableGetsIt) {
    test::TempDirectory dir;
    make_schema_2_database(dir.file("kiosk.db"), false);
    auto upgraded = Database::open(dir.file("kiosk.db"));
    ASSERT_TRUE(upgraded.ok()) << upgraded.error().to_string();
    EXPECT_EQ(schema_version(*upgraded).value_or(-1), latest_schema_version());
    EXPECT_EQ(table_count(*upgraded, "host_reversals"), 1);
    EXPECT_EQ(table_count(*upgraded, "withdrawal_in_flight"), 1);
    const security::SealedRecord record = test::make_record("rev-new");
    EXPECT_TRUE(SealedRows(*upgraded, "host_reversals").insert(record, {{"stan", 1}, {"original_stan", 1}}).ok());
}

TEST(Migrations, TheOldFirmwaresReversalTableKeepsItsRowsAndGainsKind) {
    test::TempDirectory dir;
    make_schema_2_database(dir.file("kiosk.db"), true);
    auto upgraded = Database::open(dir.file("kiosk.db"));
    ASSERT_TRUE(upgraded.ok()) << upgraded.error().to_string();
    auto select = SealedRows(*upgraded, "host_reversals").select("stan, original_stan, attempts");
    ASSERT_TRUE(select.ok()) << select.error().to_string();
    ASSERT_TRUE(select->step().value_or(false));
    const security::SealedRecord record = read_sealed_record(*select);
    EXPECT_EQ(record.header.record_id, "rev-old");
    EXPECT_EQ(record.header.kind, "host_reversal");  // what the queue sealed it with: it still opens
    EXPECT_EQ(record.header.created_unix_ms, 777);
    EXPECT_EQ(record.ciphertext, Bytes{0x02});
    EXPECT_EQ(select->column_int64(kSealedColumnCount), 12);
    EXPECT_EQ(select->column_int64(kSealedColumnCount + 2), 2);
    EXPECT_FALSE(select->step().value_or(true));
}

// The kv text schema-2 firmware wrote for an open bracket: record id, kiosk, key, schema, time,
// then IV, ciphertext and tag in hex.
TEST(Migrations, AnOpenBracketInKvMovesToItsTableUnchanged) {
    test::TempDirectory dir;
    const std::string path = dir.file("kiosk.db");
    make_schema_2_database(path, false);
    {
        // A raw connection: Database::open would migrate before the row is in.
        sqlite3* raw = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
        const int inserted = sqlite3_exec(raw,
                                          "INSERT INTO kv (key, value) VALUES ('withdrawal.in_flight', "
                                          "'inflight-ab' || char(10) || 'KIOSK-0042' || char(10) || 'dk-1' || char(10) || "
                                          "'1' || char(10) || '1700000000000' || char(10) || '0102' || char(10) || "
                                          "'A0B0C0' || char(10) || 'FF')",
                                          nullptr, nullptr, nullptr);
        sqlite3_close(raw);
        ASSERT_EQ(inserted, SQLITE_OK);
    }
    auto upgraded = Database::open(path);
    ASSERT_TRUE(upgraded.ok()) << upgraded.error().to_string();
    EXPECT_FALSE(KvStore(*upgraded).get("withdrawal.in_flight")->has_value());
    auto select = SealedRows(*upgraded, "withdrawal_in_flight").select();
    ASSERT_TRUE(select.ok());
    ASSERT_TRUE(select->step().value_or(false));
    const security::SealedRecord record = read_sealed_record(*select);
    EXPECT_EQ(record.header.record_id, "inflight-ab");
    EXPECT_EQ(record.header.kind, "withdrawal_in_flight");
    EXPECT_EQ(record.header.kiosk_id, "KIOSK-0042");
    EXPECT_EQ(record.header.key_id, "dk-1");
    EXPECT_EQ(record.header.created_unix_ms, 1700000000000);
    EXPECT_EQ(record.iv, (Bytes{0x01, 0x02}));
    EXPECT_EQ(record.ciphertext, (Bytes{0xA0, 0xB0, 0xC0}));
    EXPECT_EQ(record.tag, Bytes{0xFF});
}

// A bracket that cannot be read is a withdrawal nobody can reverse: the upgrade stops (the kiosk
// does not start) rather than drop it, and it is still there for a technician.
TEST(Migrations, AnUnreadableKvBracketStopsTheUpgradeAndIsKept) {
    test::TempDirectory dir;
    const std::string path = dir.file("kiosk.db");
    make_schema_2_database(path, false);
    {
        sqlite3* raw = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
        const int inserted = sqlite3_exec(raw, "INSERT INTO kv (key, value) VALUES ('withdrawal.in_flight', 'three' || char(10) || 'lines' || char(10) || 'only')",
                                          nullptr, nullptr, nullptr);
        sqlite3_close(raw);
        ASSERT_EQ(inserted, SQLITE_OK);
    }
    auto refused = Database::open(path);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("in-flight bracket"), std::string::npos) << refused.error().message;
    auto again = Database::open(path);  // the row was kept: the next start refuses the same way
    ASSERT_FALSE(again.ok());
    EXPECT_NE(again.error().message.find("migration 4"), std::string::npos) << again.error().message;
}

// Schema 6: records queued by older firmware get their kind's priority, and the fill counters
// start from what is already queued.
TEST(Migrations, Schema6GivesQueuedRecordsTheirKindsPriorityAndCountsThem) {
    test::TempDirectory dir;
    {
        auto database = Database::open(dir.file("kiosk.db"));
        ASSERT_TRUE(database.ok());
        ASSERT_TRUE(database->execute(kUndoSchema6).ok());
        for (const char* row : {"('r-journey', 'journey', X'0102')", "('r-tx', 'transaction', X'010203')",
                                "('r-survey', 'survey', X'01')", "('r-new', 'some_future_kind', X'01')"}) {
            ASSERT_TRUE(database->execute(std::string("INSERT INTO outbox (record_id, kind, kiosk_id, key_id, "
                                                      "schema_version, created_unix_ms, iv, ciphertext, tag) "
                                                      "SELECT column1, column2, 'K1', 'dk-1', 1, 5, X'00', column3, "
                                                      "X'00' FROM (VALUES ") + row + ")")
                            .ok());
        }
    }
    auto upgraded = Database::open(dir.file("kiosk.db"));
    ASSERT_TRUE(upgraded.ok()) << upgraded.error().to_string();
    EXPECT_EQ(schema_version(*upgraded).value_or(-1), latest_schema_version());
    EXPECT_EQ(query_text(*upgraded, "SELECT group_concat(record_id || '=' || priority, ' ') FROM "
                                    "(SELECT record_id, priority FROM outbox ORDER BY seq)")
                  .value_or("?"),
              "r-journey=2 r-tx=0 r-survey=1 r-new=1");
    EXPECT_EQ(query_int64(*upgraded, "SELECT records FROM outbox_fill").value_or(-1), 4);
    EXPECT_EQ(query_int64(*upgraded, "SELECT bytes FROM outbox_fill").value_or(-1), 4 * 2 + 2 + 3 + 1 + 1);
}

// Schema 7: a kiosk upgraded from schema 6 keeps its data and gains the CX statistics tables,
// which are STRICT (a day's time as text is refused, not stored).
TEST(Migrations, Schema7AddsTheCxStatisticsTablesToAnUpgradedDatabase) {
    test::TempDirectory dir;
    const std::string path = dir.file("kiosk.db");
    {
        auto database = Database::open(path);
        ASSERT_TRUE(database.ok()) << database.error().to_string();
        ASSERT_TRUE(database->execute("DROP TABLE profile_cache; DROP TABLE cx_stats; DROP TABLE service_availability; "
                                      "INSERT INTO counters (name, value) VALUES ('sessions', 9); PRAGMA user_version = 6")
                        .ok());
    }
    auto upgraded = Database::open(path);
    ASSERT_TRUE(upgraded.ok()) << upgraded.error().to_string();
    EXPECT_GE(latest_schema_version(), 7);
    EXPECT_EQ(schema_version(*upgraded).value_or(-1), latest_schema_version());
    EXPECT_EQ(table_count(*upgraded, "cx_stats"), 1);
    EXPECT_EQ(table_count(*upgraded, "service_availability"), 1);
    EXPECT_EQ(query_int64(*upgraded, "SELECT value FROM counters WHERE name = 'sessions'").value_or(-1), 9);
    EXPECT_TRUE(upgraded->execute("INSERT INTO cx_stats (day, kind, summary_json) VALUES ('2026-01-05', 'journey', '{}')").ok());
    EXPECT_FALSE(upgraded->execute("INSERT INTO service_availability (day, in_service_ms) VALUES ('2026-01-05', 'long')").ok());
}

}  // namespace
}  // namespace kiosk::store
