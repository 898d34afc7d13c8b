// A prepared SQLite statement: typed binds, step() that says "row" or "done", typed column
// getters, reset() for reuse. Parameter and column indexes follow SQLite: binds from 1, columns
// from 0. Every failure keeps SQLite's code and message (store/sqlite_error.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/bytes.hpp"
#include "common/result.hpp"
#include "store/sqlite_handles.hpp"

namespace kiosk::store {

class Database;

class Statement {
public:
    // Exactly one SQL statement; trailing text after it is refused rather than silently ignored.
    static Result<Statement> prepare(Database& database, std::string_view sql);

    Statement(Statement&&) noexcept = default;
    Statement& operator=(Statement&&) noexcept = default;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement() = default;

    Status bind_int64(int index, std::int64_t value);
    Status bind_text(int index, std::string_view value);
    // An empty blob is stored as a zero-length blob, not NULL.
    Status bind_blob(int index, ByteView value);
    Status bind_null(int index);

    // true: a row is available through the column getters; false: the statement is done.
    Result<bool> step();
    // Steps a statement that must not return rows (INSERT/UPDATE/DELETE) to completion.
    Status run();
    // Ready to step again; bindings are cleared too so no value leaks into the next use.
    void reset();

    [[nodiscard]] bool column_is_null(int column) const;
    [[nodiscard]] std::int64_t column_int64(int column) const;
    [[nodiscard]] std::string column_text(int column) const;  // "" for NULL
    [[nodiscard]] Bytes column_blob(int column) const;        // empty for NULL

    // Rows changed by the last run()/step() of this statement's connection.
    [[nodiscard]] std::int64_t changes() const;

private:
    Statement(SqliteStatement statement, sqlite3* connection, std::string path);
    Status check_bind(int code, int index);

    SqliteStatement statement_;
    sqlite3* connection_;  // owned by the Database; used for error messages only
    std::string path_;     // copied so errors name the file even if the Database was moved
};

// The first column of the first row of a one-value query ("SELECT count(*) …", "PRAGMA …");
// an error if the query returns no row.
Result<std::int64_t> query_int64(Database& database, std::string_view sql);
Result<std::string> query_text(Database& database, std::string_view sql);

// A container size as a LIMIT value (SQLite integers are signed 64-bit).
std::int64_t to_sql_limit(std::size_t limit);

}  // namespace kiosk::store
