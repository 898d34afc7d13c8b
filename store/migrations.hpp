// The database schema as an ordered list of migrations. PRAGMA user_version records how many
// have been applied; each one runs in its own transaction, so a crash mid-migration leaves the
// previous version intact. Never edit a released migration: append a new one.
#pragma once

#include <span>
#include <string_view>

#include "common/result.hpp"

namespace kiosk::store {

class Database;

struct Migration {
    int version;                   // 1, 2, 3, … without gaps
    std::string_view description;  // for logs and docs
    std::string_view sql;          // one or more statements
    // Data SQL alone cannot convert (hex text to blobs), run after `sql` in the same transaction.
    Status (*convert_data)(Database& database) = nullptr;
};

// The kiosk schema (docs/store.md describes it).
std::span<const Migration> schema_migrations();

// Version the schema reaches after every migration of schema_migrations().
int latest_schema_version();

// Applies, in order, every migration whose version is above the database's user_version. A
// database already at a version newer than the list knows (written by newer firmware) is an
// error: this build would not understand its tables.
Status migrate(Database& database, std::span<const Migration> migrations);

// The database's PRAGMA user_version.
Result<int> schema_version(Database& database);

}  // namespace kiosk::store
