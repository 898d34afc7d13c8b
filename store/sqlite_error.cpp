// Builds Errors from SQLite failures (see sqlite_error.hpp).
#include "store/sqlite_error.hpp"

namespace kiosk::store {

Error sqlite_error(sqlite3* connection, int code, std::string_view doing, const std::string& path) {
    // sqlite3_errmsg describes the most recent failure on this connection; without a connection
    // (open failed before one existed) sqlite3_errstr still names the code.
    const char* detail = connection != nullptr ? sqlite3_errmsg(connection) : sqlite3_errstr(code);
    std::string message(doing);
    message += " (";
    message += path;
    message += "): ";
    message += detail;
    return make_error("sqlite", std::move(message), code);
}

}  // namespace kiosk::store
