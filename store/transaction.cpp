// BEGIN IMMEDIATE / SAVEPOINT transactions with rollback on destruction (see transaction.hpp).
#include "store/transaction.hpp"

#include <spdlog/spdlog.h>

#include "store/database.hpp"

namespace kiosk::store {
namespace {

// One name for every level: SAVEPOINTs stack, and RELEASE / ROLLBACK TO act on the innermost
// savepoint of that name, which is always ours.
constexpr const char* kSavepointBegin = "SAVEPOINT kiosk_nested";
constexpr const char* kSavepointRelease = "RELEASE kiosk_nested";
constexpr const char* kSavepointRollback = "ROLLBACK TO kiosk_nested; RELEASE kiosk_nested";

}  // namespace

Result<Transaction> Transaction::begin(Database& database) {
    const bool nested = database.in_transaction();
    KIOSK_TRY(database.execute(nested ? kSavepointBegin : "BEGIN IMMEDIATE"));
    return Transaction(database, nested);
}

Transaction::Transaction(Transaction&& other) noexcept
    : database_(other.database_), nested_(other.nested_) {
    other.database_ = nullptr;
}

Transaction::~Transaction() {
    if (database_ == nullptr) return;
    const Status undone = rollback();
    if (!undone) {
        // Nothing more can be done from a destructor; the connection's next BEGIN will fail
        // loudly if the transaction is still open. The message names no record contents.
        spdlog::error("store: rollback failed: {}", undone.error().to_string());
    }
}

Status Transaction::commit() {
    if (database_ == nullptr) {
        return make_error("store", "commit of a transaction that is no longer open");
    }
    KIOSK_TRY(database_->execute(nested_ ? kSavepointRelease : "COMMIT"));
    database_ = nullptr;
    return ok_status();
}

Status Transaction::rollback() {
    if (database_ == nullptr) return ok_status();
    Database& database = *database_;
    database_ = nullptr;
    // Some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM) make SQLite roll the whole
    // transaction back by itself; issuing ROLLBACK then would only fail with "no transaction".
    if (!database.in_transaction()) return ok_status();
    return database.execute(nested_ ? kSavepointRollback : "ROLLBACK");
}

}  // namespace kiosk::store
