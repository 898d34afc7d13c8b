// Turns a failed SQLite call into our Error without losing anything: SQLite's (extended) result
// code, its own message, what we were doing and which database file it was.
#pragma once

#include <string>
#include <string_view>

#include <sqlite3.h>

#include "common/result.hpp"

namespace kiosk::store {

// `doing` is a short phrase ("preparing statement", "adding outbox record"); never pass record
// contents into it — errors end up in logs.
Error sqlite_error(sqlite3* connection, int code, std::string_view doing, const std::string& path);

}  // namespace kiosk::store
