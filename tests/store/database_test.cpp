// Database: opening configures WAL, synchronous=FULL, foreign keys and the busy timeout (checked
// by asking SQLite itself), migrates, and reports failures with SQLite's code and the file.
#include "store/database.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <stdexcept>

#include "store/migrations.hpp"
#include "store/statement.hpp"
#include "temp_directory.hpp"

namespace kiosk::store {
namespace {

TEST(Database, OpensAFileInWalModeWithFullSynchronousAndForeignKeys) {
    test::TempDirectory dir;
    auto database = Database::open(dir.file("kiosk.db"));
    ASSERT_TRUE(database.ok()) << database.error().to_string();

    EXPECT_EQ(query_text(*database, "PRAGMA journal_mode").value_or(""), "wal");
    EXPECT_EQ(query_int64(*database, "PRAGMA synchronous").value_or(-1), 2);  // 2 = FULL
    EXPECT_EQ(query_int64(*database, "PRAGMA foreign_keys").value_or(-1), 1);
    EXPECT_EQ(query_int64(*database, "PRAGMA busy_timeout").value_or(-1), 5000);
    EXPECT_EQ(database->path(), dir.file("kiosk.db"));
}

TEST(Database, AppliesTheConfiguredBusyTimeout) {
    test::TempDirectory dir;
    auto database = Database::open(dir.file("kiosk.db"), DatabaseOptions{std::chrono::milliseconds(250)});
    ASSERT_TRUE(database.ok()) << database.error().to_string();
    EXPECT_EQ(query_int64(*database, "PRAGMA busy_timeout").value_or(-1), 250);
}

TEST(Database, MigratesANewFileToTheLatestSchema) {
    test::TempDirectory dir;
    auto database = Database::open(dir.file("kiosk.db"));
    ASSERT_TRUE(database.ok()) << database.error().to_string();
    EXPECT_EQ(schema_version(*database).value_or(-1), latest_schema_version());
    EXPECT_EQ(query_int64(*database,
                          "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                          "('outbox', 'dead_letter', 'journal', 'counters', 'kv')")
                  .value_or(-1),
              5);
}

TEST(Database, KeepsCommittedDataAcrossReopen) {
    test::TempDirectory dir;
    {
        auto database = Database::open(dir.file("kiosk.db"));
        ASSERT_TRUE(database.ok());
        ASSERT_TRUE(database->execute("INSERT INTO kv (key, value) VALUES ('k', 'v')").ok());
    }
    auto reopened = Database::open(dir.file("kiosk.db"));
    ASSERT_TRUE(reopened.ok()) << reopened.error().to_string();
    EXPECT_EQ(query_text(*reopened, "SELECT value FROM kv WHERE key = 'k'").value_or(""), "v");
}

TEST(Database, ReportsAnUnopenableFileWithSqliteCodeAndPath) {
    test::TempDirectory dir;
    const std::string path = dir.file("missing-dir/kiosk.db");
    auto database = Database::open(path);
    ASSERT_FALSE(database.ok());
    EXPECT_EQ(database.error().domain, "sqlite");
    EXPECT_EQ(database.error().native_code & 0xFF, SQLITE_CANTOPEN);
    EXPECT_NE(database.error().message.find(path), std::string::npos);
}

TEST(Database, OpenOrThrowThrowsOneLineNamingTheFile) {
    test::TempDirectory dir;
    const std::string path = dir.file("missing-dir/kiosk.db");
    try {
        (void)Database::open_or_throw(path);
        FAIL() << "expected std::runtime_error";
    } catch (const std::runtime_error& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find(path), std::string::npos);
        EXPECT_EQ(message.find('\n'), std::string::npos);
    }
}

TEST(Database, ExecuteReportsSqliteMessageCodeAndPath) {
    test::TempDirectory dir;
    auto database = Database::open(dir.file("kiosk.db"));
    ASSERT_TRUE(database.ok());
    auto status = database->execute("SELEKT 1");
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().native_code, SQLITE_ERROR);
    EXPECT_NE(status.error().message.find("syntax error"), std::string::npos);
    EXPECT_NE(status.error().message.find(dir.file("kiosk.db")), std::string::npos);
}

TEST(Database, InMemoryDatabaseHasTheSchema) {
    auto database = Database::open_in_memory();
    ASSERT_TRUE(database.ok()) << database.error().to_string();
    EXPECT_EQ(schema_version(*database).value_or(-1), latest_schema_version());
    EXPECT_EQ(query_int64(*database, "PRAGMA synchronous").value_or(-1), 2);
}

TEST(Database, StaysUsableAfterBeingMoved) {
    auto opened = Database::open_in_memory();
    ASSERT_TRUE(opened.ok());
    Database moved = std::move(opened).value();
    EXPECT_TRUE(moved.execute("INSERT INTO kv (key, value) VALUES ('a', 'b')").ok());
    EXPECT_EQ(query_int64(moved, "SELECT count(*) FROM kv").value_or(-1), 1);
}

}  // namespace
}  // namespace kiosk::store
