// Migrations: applied once in order, idempotent on reopen, each in its own transaction (a failed
// one leaves the previous version intact), and a newer database is refused.
#include "store/migrations.hpp"

#include <gtest/gtest.h>

#include <array>

#include "store/database.hpp"
#include "store/statement.hpp"
#include "temp_directory.hpp"

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

}  // namespace
}  // namespace kiosk::store
