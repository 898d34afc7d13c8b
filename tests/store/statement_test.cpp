// Statement: typed binds and getters round-trip exactly (empty is not NULL), step says row or
// done, reset clears bindings, and misuse is reported with SQLite's code.
#include "store/statement.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <limits>

#include "store/database.hpp"

namespace kiosk::store {
namespace {

class StatementTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Database::open_in_memory();
        ASSERT_TRUE(opened.ok()) << opened.error().to_string();
        database_.emplace(std::move(opened).value());
        ASSERT_TRUE(database_->execute("CREATE TABLE t (i INTEGER, s TEXT, b BLOB)").ok());
    }
    Database& db() { return *database_; }

    std::optional<Database> database_;
};

TEST_F(StatementTest, BindsAndReadsBackEveryType) {
    auto insert = Statement::prepare(db(), "INSERT INTO t (i, s, b) VALUES (?1, ?2, ?3)");
    ASSERT_TRUE(insert.ok()) << insert.error().to_string();
    const Bytes blob{0x00, 0xFF, 0x10};
    ASSERT_TRUE(insert->bind_int64(1, std::numeric_limits<std::int64_t>::min()).ok());
    ASSERT_TRUE(insert->bind_text(2, std::string("caf\xC3\xA9\0x", 7)).ok());
    ASSERT_TRUE(insert->bind_blob(3, blob).ok());
    ASSERT_TRUE(insert->run().ok());

    auto select = Statement::prepare(db(), "SELECT i, s, b FROM t");
    ASSERT_TRUE(select.ok());
    auto row = select->step();
    ASSERT_TRUE(row.ok());
    ASSERT_TRUE(*row);
    EXPECT_EQ(select->column_int64(0), std::numeric_limits<std::int64_t>::min());
    EXPECT_EQ(select->column_text(1), std::string("caf\xC3\xA9\0x", 7));
    EXPECT_EQ(select->column_blob(2), blob);
    auto done = select->step();
    ASSERT_TRUE(done.ok());
    EXPECT_FALSE(*done);
}

TEST_F(StatementTest, EmptyTextAndBlobAreNotNull) {
    auto insert = Statement::prepare(db(), "INSERT INTO t (i, s, b) VALUES (?1, ?2, ?3)");
    ASSERT_TRUE(insert.ok());
    ASSERT_TRUE(insert->bind_null(1).ok());
    ASSERT_TRUE(insert->bind_text(2, std::string_view{}).ok());
    ASSERT_TRUE(insert->bind_blob(3, Bytes{}).ok());
    ASSERT_TRUE(insert->run().ok());

    EXPECT_EQ(query_text(db(), "SELECT typeof(i) || ',' || typeof(s) || ',' || typeof(b) FROM t")
                  .value_or(""),
              "null,text,blob");
    auto select = Statement::prepare(db(), "SELECT i, s, b FROM t");
    ASSERT_TRUE(select.ok());
    ASSERT_TRUE(select->step().value_or(false));
    EXPECT_TRUE(select->column_is_null(0));
    EXPECT_FALSE(select->column_is_null(1));
    EXPECT_FALSE(select->column_is_null(2));
    EXPECT_TRUE(select->column_blob(2).empty());
}

TEST_F(StatementTest, ResetAllowsReuseAndClearsBindings) {
    auto insert = Statement::prepare(db(), "INSERT INTO t (i) VALUES (?1)");
    ASSERT_TRUE(insert.ok());
    ASSERT_TRUE(insert->bind_int64(1, 7).ok());
    ASSERT_TRUE(insert->run().ok());
    insert->reset();
    ASSERT_TRUE(insert->run().ok());  // binding cleared: inserts NULL, not 7 again

    EXPECT_EQ(query_int64(db(), "SELECT count(*) FROM t WHERE i = 7").value_or(-1), 1);
    EXPECT_EQ(query_int64(db(), "SELECT count(*) FROM t WHERE i IS NULL").value_or(-1), 1);
}

TEST_F(StatementTest, RefusesMoreThanOneStatement) {
    auto statement = Statement::prepare(db(), "SELECT 1; SELECT 2");
    ASSERT_FALSE(statement.ok());
    EXPECT_NE(statement.error().message.find("more than one statement"), std::string::npos);
    EXPECT_TRUE(Statement::prepare(db(), "SELECT 1;  \n").ok());
}

TEST_F(StatementTest, ReportsPrepareErrorsWithSqliteMessage) {
    auto statement = Statement::prepare(db(), "SELECT nope FROM t");
    ASSERT_FALSE(statement.ok());
    EXPECT_EQ(statement.error().native_code, SQLITE_ERROR);
    EXPECT_NE(statement.error().message.find("no such column"), std::string::npos);
    EXPECT_FALSE(Statement::prepare(db(), "   ").ok());
}

TEST_F(StatementTest, ReportsABindOutOfRange) {
    auto statement = Statement::prepare(db(), "SELECT ?1");
    ASSERT_TRUE(statement.ok());
    auto bound = statement->bind_int64(2, 1);
    ASSERT_FALSE(bound.ok());
    EXPECT_EQ(bound.error().native_code, SQLITE_RANGE);
}

TEST_F(StatementTest, RunRefusesAStatementThatReturnsRows) {
    auto statement = Statement::prepare(db(), "SELECT 1");
    ASSERT_TRUE(statement.ok());
    EXPECT_FALSE(statement->run().ok());
}

TEST_F(StatementTest, QueryHelpersReportAMissingRow) {
    EXPECT_FALSE(query_int64(db(), "SELECT i FROM t").ok());
    EXPECT_EQ(query_int64(db(), "SELECT 41 + 1").value_or(0), 42);
}

TEST_F(StatementTest, ConstraintFailuresCarryTheExtendedCode) {
    ASSERT_TRUE(db().execute("CREATE TABLE u (x TEXT UNIQUE)").ok());
    ASSERT_TRUE(db().execute("INSERT INTO u VALUES ('a')").ok());
    auto insert = Statement::prepare(db(), "INSERT INTO u VALUES ('a')");
    ASSERT_TRUE(insert.ok());
    auto status = insert->run();
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().native_code, SQLITE_CONSTRAINT_UNIQUE);
    EXPECT_NE(status.error().message.find("UNIQUE"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::store
