// Transaction: rolls back unless committed, takes the write lock at BEGIN (IMMEDIATE), and nests
// as a savepoint so the inner part can be undone alone but is durable only with the outer.
#include "store/transaction.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>

#include "store/database.hpp"
#include "store/statement.hpp"
#include "temp_directory.hpp"

namespace kiosk::store {
namespace {

std::int64_t kv_rows(Database& database) {
    return query_int64(database, "SELECT count(*) FROM kv").value_or(-1);
}

Status put(Database& database, const char* key) {
    return database.execute(std::string("INSERT INTO kv (key, value) VALUES ('") + key + "', 'v')");
}

class TransactionTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Database::open(dir_.file("kiosk.db"));
        ASSERT_TRUE(opened.ok()) << opened.error().to_string();
        database_.emplace(std::move(opened).value());
    }
    Database& db() { return *database_; }

    test::TempDirectory dir_;
    std::optional<Database> database_;
};

TEST_F(TransactionTest, RollsBackWhenDestroyedUncommitted) {
    {
        auto transaction = Transaction::begin(db());
        ASSERT_TRUE(transaction.ok()) << transaction.error().to_string();
        ASSERT_TRUE(put(db(), "a").ok());
        EXPECT_EQ(kv_rows(db()), 1);  // visible inside
    }
    EXPECT_EQ(kv_rows(db()), 0);
    EXPECT_FALSE(db().in_transaction());
}

TEST_F(TransactionTest, CommitIsVisibleToAnotherConnection) {
    auto transaction = Transaction::begin(db());
    ASSERT_TRUE(transaction.ok());
    ASSERT_TRUE(put(db(), "a").ok());
    ASSERT_TRUE(transaction->commit().ok());

    auto other = Database::open(dir_.file("kiosk.db"));
    ASSERT_TRUE(other.ok());
    EXPECT_EQ(kv_rows(*other), 1);
}

TEST_F(TransactionTest, CommitTwiceIsAnError) {
    auto transaction = Transaction::begin(db());
    ASSERT_TRUE(transaction.ok());
    ASSERT_TRUE(transaction->commit().ok());
    EXPECT_FALSE(transaction->commit().ok());
}

TEST_F(TransactionTest, ExplicitRollbackUndoesAtOnce) {
    auto transaction = Transaction::begin(db());
    ASSERT_TRUE(transaction.ok());
    ASSERT_TRUE(put(db(), "a").ok());
    ASSERT_TRUE(transaction->rollback().ok());
    EXPECT_EQ(kv_rows(db()), 0);
    EXPECT_FALSE(db().in_transaction());
}

TEST_F(TransactionTest, TakesTheWriteLockAtBegin) {
    auto transaction = Transaction::begin(db());
    ASSERT_TRUE(transaction.ok());

    // A second connection that will not wait long: BEGIN IMMEDIATE must find the lock taken even
    // though the first transaction has not written anything yet.
    auto other = Database::open(dir_.file("kiosk.db"), DatabaseOptions{std::chrono::milliseconds(20)});
    ASSERT_TRUE(other.ok()) << other.error().to_string();
    auto competing = Transaction::begin(*other);
    ASSERT_FALSE(competing.ok());
    EXPECT_EQ(competing.error().native_code & 0xFF, SQLITE_BUSY);
}

TEST_F(TransactionTest, NestedRollbackUndoesOnlyTheInnerPart) {
    auto outer = Transaction::begin(db());
    ASSERT_TRUE(outer.ok());
    ASSERT_TRUE(put(db(), "outer").ok());
    {
        auto inner = Transaction::begin(db());
        ASSERT_TRUE(inner.ok()) << inner.error().to_string();
        EXPECT_TRUE(inner->nested());
        ASSERT_TRUE(put(db(), "inner").ok());
    }
    ASSERT_TRUE(outer->commit().ok());
    EXPECT_EQ(kv_rows(db()), 1);
    EXPECT_EQ(query_text(db(), "SELECT key FROM kv").value_or(""), "outer");
}

TEST_F(TransactionTest, NestedCommitIsUndoneByTheOuterRollback) {
    {
        auto outer = Transaction::begin(db());
        ASSERT_TRUE(outer.ok());
        auto inner = Transaction::begin(db());
        ASSERT_TRUE(inner.ok());
        ASSERT_TRUE(put(db(), "inner").ok());
        ASSERT_TRUE(inner->commit().ok());
        EXPECT_TRUE(db().in_transaction());
    }
    EXPECT_EQ(kv_rows(db()), 0);
}

TEST_F(TransactionTest, MovedFromTransactionDoesNothing) {
    auto begun = Transaction::begin(db());
    ASSERT_TRUE(begun.ok());
    Transaction owner(std::move(begun).value());
    ASSERT_TRUE(put(db(), "a").ok());
    ASSERT_TRUE(owner.commit().ok());
    EXPECT_EQ(kv_rows(db()), 1);
}

}  // namespace
}  // namespace kiosk::store
