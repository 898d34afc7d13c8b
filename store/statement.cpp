// Prepared statements over sqlite3_stmt (see statement.hpp).
#include "store/statement.hpp"

#include <cctype>
#include <cstdint>
#include <limits>

#include "store/database.hpp"
#include "store/sqlite_error.hpp"

namespace kiosk::store {
namespace {

// SQLITE_TRANSIENT is an old-style cast inside a macro; this is the same value, spelled so that
// -Wold-style-cast stays quiet. TRANSIENT makes SQLite copy the bound bytes, so the caller's
// string_view/span may die right after the bind.
sqlite3_destructor_type transient_destructor() {
    return reinterpret_cast<sqlite3_destructor_type>(static_cast<std::intptr_t>(-1));  // NOLINT
}

bool only_whitespace_or_semicolons(std::string_view text) {
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isspace(c) == 0 && c != ';') return false;
    }
    return true;
}

}  // namespace

Statement::Statement(SqliteStatement statement, sqlite3* connection, std::string path)
    : statement_(std::move(statement)), connection_(connection), path_(std::move(path)) {}

Result<Statement> Statement::prepare(Database& database, std::string_view sql) {
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    if (sql.empty()) {
        return make_error("sqlite", "preparing statement (" + database.path() + "): no SQL in text");
    }
    if (sql.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        return make_error("sqlite", "statement text too long (" + database.path() + ")");
    }
    const int code = sqlite3_prepare_v3(database.handle(), sql.data(), static_cast<int>(sql.size()),
                                        0, &raw, &tail);
    SqliteStatement owned(raw);
    if (code != SQLITE_OK) {
        return sqlite_error(database.handle(), code, "preparing statement", database.path());
    }
    if (!owned) {
        return make_error("sqlite", "preparing statement (" + database.path() + "): no SQL in text");
    }
    // `tail` points into `sql`, which is not NUL-terminated in general: compare by position.
    const std::string_view rest = sql.substr(static_cast<std::size_t>(tail - sql.data()));
    if (!only_whitespace_or_semicolons(rest)) {
        return make_error("sqlite",
                          "preparing statement (" + database.path() + "): more than one statement");
    }
    return Statement(std::move(owned), database.handle(), database.path());
}

Status Statement::check_bind(int code, int index) {
    if (code == SQLITE_OK) return ok_status();
    return sqlite_error(connection_, code, "binding parameter " + std::to_string(index), path_);
}

Status Statement::bind_int64(int index, std::int64_t value) {
    return check_bind(sqlite3_bind_int64(statement_.get(), index, value), index);
}

Status Statement::bind_text(int index, std::string_view value) {
    // A null data pointer would bind SQL NULL; an empty string must stay an empty string.
    const char* data = value.data() != nullptr ? value.data() : "";
    return check_bind(sqlite3_bind_text64(statement_.get(), index, data, value.size(),
                                          transient_destructor(), SQLITE_UTF8),
                      index);
}

Status Statement::bind_blob(int index, ByteView value) {
    if (value.empty()) {
        // bind_blob with a null pointer binds NULL; a zero-length blob is a different value.
        return check_bind(sqlite3_bind_zeroblob(statement_.get(), index, 0), index);
    }
    return check_bind(sqlite3_bind_blob64(statement_.get(), index, value.data(), value.size(),
                                          transient_destructor()),
                      index);
}

Status Statement::bind_null(int index) {
    return check_bind(sqlite3_bind_null(statement_.get(), index), index);
}

Result<bool> Statement::step() {
    const int code = sqlite3_step(statement_.get());
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    return sqlite_error(connection_, code, "executing statement", path_);
}

Status Statement::run() {
    auto stepped = step();
    if (!stepped) return stepped.error();
    if (*stepped) {
        return make_error("sqlite", "executing statement (" + path_ + "): returned a row, none expected");
    }
    return ok_status();
}

void Statement::reset() {
    // reset() repeats the last step's error code, which step() already reported.
    sqlite3_reset(statement_.get());
    sqlite3_clear_bindings(statement_.get());
}

bool Statement::column_is_null(int column) const {
    return sqlite3_column_type(statement_.get(), column) == SQLITE_NULL;
}

std::int64_t Statement::column_int64(int column) const {
    return sqlite3_column_int64(statement_.get(), column);
}

std::string Statement::column_text(int column) const {
    const unsigned char* text = sqlite3_column_text(statement_.get(), column);
    // Size is asked after the text call, as SQLite documents (the call may convert the value).
    const int size = sqlite3_column_bytes(statement_.get(), column);
    if (text == nullptr || size <= 0) return {};
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));  // NOLINT
}

Bytes Statement::column_blob(int column) const {
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(statement_.get(), column));
    const int size = sqlite3_column_bytes(statement_.get(), column);
    if (data == nullptr || size <= 0) return {};
    return Bytes(data, data + size);
}

std::int64_t Statement::changes() const { return sqlite3_changes64(connection_); }

namespace {

Result<Statement> first_row(Database& database, std::string_view sql) {
    auto statement = Statement::prepare(database, sql);
    if (!statement) return statement.error();
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) return make_error("sqlite", "query returned no row (" + database.path() + ")");
    return std::move(statement).value();
}

}  // namespace

Result<std::int64_t> query_int64(Database& database, std::string_view sql) {
    auto row = first_row(database, sql);
    if (!row) return row.error();
    return row->column_int64(0);
}

Result<std::string> query_text(Database& database, std::string_view sql) {
    auto row = first_row(database, sql);
    if (!row) return row.error();
    return row->column_text(0);
}

std::int64_t to_sql_limit(std::size_t limit) {
    constexpr auto max = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());
    return static_cast<std::int64_t>(limit > max ? max : limit);
}

}  // namespace kiosk::store
