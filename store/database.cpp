// Opening and configuring the kiosk database connection (see database.hpp).
#include "store/database.hpp"

#include <limits>
#include <stdexcept>

#include "store/migrations.hpp"
#include "store/sqlite_error.hpp"
#include "store/statement.hpp"

namespace kiosk::store {
namespace {

constexpr const char* kMemoryPath = ":memory:";

Result<SqliteConnection> open_handle(const std::string& path) {
    sqlite3* raw = nullptr;
    const int code = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                     nullptr);
    // Even a failed open usually hands back a connection (for its error message) to be closed.
    SqliteConnection connection(raw);
    if (code != SQLITE_OK) return sqlite_error(connection.get(), code, "opening database", path);
    return connection;
}

}  // namespace

Database::Database(SqliteConnection connection, std::string path)
    : connection_(std::move(connection)), path_(std::move(path)) {}

bool Database::in_transaction() const { return sqlite3_get_autocommit(connection_.get()) == 0; }

Status Database::execute(std::string_view sql) {
    const std::string text(sql);  // sqlite3_exec wants a NUL-terminated string
    // No error-message out-parameter: sqlite3_errmsg holds the same text and needs no free.
    const int code = sqlite3_exec(connection_.get(), text.c_str(), nullptr, nullptr, nullptr);
    if (code != SQLITE_OK) return sqlite_error(connection_.get(), code, "executing SQL", path_);
    return ok_status();
}

Status Database::configure(const DatabaseOptions& options, bool file_backed) {
    // Extended codes (e.g. SQLITE_CONSTRAINT_UNIQUE rather than SQLITE_CONSTRAINT) go into
    // Error::native_code, so a caller can tell a duplicate record id from other failures.
    sqlite3_extended_result_codes(connection_.get(), 1);
    // Set first: switching to WAL and migrating may already have to wait for another connection.
    const auto timeout = options.busy_timeout.count();
    const int timeout_ms = timeout > std::numeric_limits<int>::max()
                               ? std::numeric_limits<int>::max()
                               : static_cast<int>(timeout < 0 ? 0 : timeout);
    const int code = sqlite3_busy_timeout(connection_.get(), timeout_ms);
    if (code != SQLITE_OK) return sqlite_error(connection_.get(), code, "setting busy timeout", path_);

    if (file_backed) {
        // WAL lets the uploader read while the core writes, and one fsync per commit suffices.
        auto mode = query_text(*this, "PRAGMA journal_mode = WAL");
        if (!mode) return mode.error();
        if (*mode != "wal") {
            return make_error("sqlite", "enabling WAL (" + path_ + "): journal mode is '" + *mode + "'");
        }
    }
    // FULL: in WAL mode, NORMAL may lose the last commits on power loss; a committed dispense or
    // survey answer must survive that (docs/store.md).
    KIOSK_TRY(execute("PRAGMA synchronous = FULL"));
    KIOSK_TRY(execute("PRAGMA foreign_keys = ON"));
    return ok_status();
}

Result<Database> Database::open(const std::string& path, const DatabaseOptions& options) {
    auto connection = open_handle(path);
    if (!connection) return connection.error();
    Database database(std::move(connection).value(), path);
    KIOSK_TRY(database.configure(options, true));
    KIOSK_TRY(migrate(database, schema_migrations()));
    return database;
}

Database Database::open_or_throw(const std::string& path, const DatabaseOptions& options) {
    auto database = open(path, options);
    if (!database) {
        throw std::runtime_error("cannot open database " + path + ": " + database.error().to_string());
    }
    return std::move(database).value();
}

Result<Database> Database::open_in_memory() {
    auto connection = open_handle(kMemoryPath);
    if (!connection) return connection.error();
    Database database(std::move(connection).value(), kMemoryPath);
    KIOSK_TRY(database.configure(DatabaseOptions{}, false));
    KIOSK_TRY(migrate(database, schema_migrations()));
    return database;
}

Result<Database> Database::open_with_schema(const std::string& path, std::span<const Migration> migrations,
                                            const DatabaseOptions& options) {
    auto connection = open_handle(path);
    if (!connection) return connection.error();
    Database database(std::move(connection).value(), path);
    KIOSK_TRY(database.configure(options, path != kMemoryPath));
    KIOSK_TRY(migrate(database, migrations));
    return database;
}

}  // namespace kiosk::store
