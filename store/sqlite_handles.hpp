// RAII owners for SQLite's C handles, so no code path can leak a connection or a prepared
// statement (or close one twice) — the CM4all libcommon "Unique*" idea applied to SQLite.
#pragma once

#include <memory>

#include <sqlite3.h>

namespace kiosk::store {

struct SqliteConnectionCloser {
    // close_v2 defers the close until every statement is finalized, so destruction order between
    // a Database and a straggling Statement can never fail with SQLITE_BUSY.
    void operator()(sqlite3* connection) const noexcept { sqlite3_close_v2(connection); }
};

struct SqliteStatementFinalizer {
    void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
};

using SqliteConnection = std::unique_ptr<sqlite3, SqliteConnectionCloser>;
using SqliteStatement = std::unique_ptr<sqlite3_stmt, SqliteStatementFinalizer>;

}  // namespace kiosk::store
