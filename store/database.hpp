// One connection to the kiosk's SQLite database, configured for "committed = durable": WAL,
// synchronous=FULL, foreign keys on, a busy timeout so the uploader's own connection waits for
// the core's instead of failing, and the schema migrated on open. One Database per thread.
#pragma once

#include <chrono>
#include <span>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "store/outbox_limits.hpp"
#include "store/sqlite_handles.hpp"

namespace kiosk::store {

struct Migration;  // store/migrations.hpp

struct DatabaseOptions {
    // How long a statement waits for another connection's write lock before giving up with
    // SQLITE_BUSY. Business steps are short, so 5 s is only reached if something is badly wrong.
    std::chrono::milliseconds busy_timeout{5000};
};

class Database {
public:
    // Opens (creating if absent) the database file and migrates it to the current schema.
    // Expected failures (unwritable file, corrupt header, schema newer than this build) are
    // returned, so a worker thread can report them.
    static Result<Database> open(const std::string& path, const DatabaseOptions& options = {});

    // For start-up in main(): same as open(), but throws std::runtime_error with a one-line
    // message naming the file, since the kiosk cannot run without its database.
    static Database open_or_throw(const std::string& path, const DatabaseOptions& options = {});

    // A private in-memory database with the same schema, for tests that need no file. Not WAL
    // (memory databases have no journal file) and gone when closed.
    static Result<Database> open_in_memory();

    // A database of another program's own schema (the simulated CRM's, sim/crm/crm_store.hpp):
    // configured like open() and migrated with `migrations` instead of the kiosk's.
    // ":memory:" opens a private in-memory one.
    static Result<Database> open_with_schema(const std::string& path, std::span<const Migration> migrations,
                                             const DatabaseOptions& options = {});

    Database(Database&&) noexcept = default;
    Database& operator=(Database&&) noexcept = default;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database() = default;

    // Runs one or more SQL statements that return no rows (DDL, PRAGMA settings).
    Status execute(std::string_view sql);

    [[nodiscard]] const std::string& path() const { return path_; }
    // True while a Transaction (or any BEGIN) is open on this connection.
    [[nodiscard]] bool in_transaction() const;
    // For Statement and Transaction; do not close it.
    [[nodiscard]] sqlite3* handle() const { return connection_.get(); }

    // The outbox's size cap (outbox_limits.hpp), applied by Outbox::add on this connection; the
    // defaults until set (the kiosk sets them from its config after opening).
    [[nodiscard]] const OutboxLimits& outbox_limits() const { return outbox_limits_; }
    void set_outbox_limits(const OutboxLimits& limits) { outbox_limits_ = limits; }

    // Whether the last business step committed on this connection failed with SQLITE_FULL
    // (store::commit sets and clears it); store/storage_guard.hpp reads it.
    [[nodiscard]] bool storage_full_seen() const { return storage_full_seen_; }
    void note_storage_full(bool full) { storage_full_seen_ = full; }

private:
    Database(SqliteConnection connection, std::string path);
    Status configure(const DatabaseOptions& options, bool file_backed);

    SqliteConnection connection_;
    std::string path_;
    OutboxLimits outbox_limits_;
    bool storage_full_seen_ = false;
};

}  // namespace kiosk::store
