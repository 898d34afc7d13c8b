// RAII transaction (after SQLiteCpp's Transaction): rolls back in its destructor unless commit()
// succeeded, so an early return or an error path can never leave half a business step behind.
// Opened inside another transaction on the same connection it becomes a SAVEPOINT, so methods
// that are atomic on their own (Journal::append, Outbox::dead_letter) compose into one step.
#pragma once

#include "common/result.hpp"

namespace kiosk::store {

class Database;

class Transaction {
public:
    // BEGIN IMMEDIATE: takes the write lock now (waiting up to the busy timeout) rather than at
    // the first write, because a deferred transaction that has read and then wants to write
    // fails with SQLITE_BUSY at once instead of waiting.
    static Result<Transaction> begin(Database& database);

    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    // Makes the changes durable (outermost) or folds them into the enclosing transaction (nested).
    // On failure the transaction stays open and the destructor rolls it back.
    Status commit();
    // Undoes the changes now instead of at destruction.
    Status rollback();

    [[nodiscard]] bool nested() const { return nested_; }

private:
    Transaction(Database& database, bool nested) : database_(&database), nested_(nested) {}

    Database* database_;  // null once committed, rolled back or moved from
    bool nested_;
};

}  // namespace kiosk::store
