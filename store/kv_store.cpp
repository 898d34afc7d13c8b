// Key/value state in table `kv` (see kv_store.hpp).
#include "store/kv_store.hpp"

#include "store/database.hpp"
#include "store/statement.hpp"

namespace kiosk::store {

Result<std::optional<std::string>> KvStore::get(const std::string& key) {
    auto statement = Statement::prepare(database_, "SELECT value FROM kv WHERE key = ?1");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_text(1, key));
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) return std::optional<std::string>{};
    return std::optional<std::string>{statement->column_text(0)};
}

Status KvStore::put(const std::string& key, const std::string& value) {
    auto statement = Statement::prepare(
        database_,
        "INSERT INTO kv (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_text(1, key));
    KIOSK_TRY(statement->bind_text(2, value));
    return statement->run();
}

Status KvStore::erase(const std::string& key) {
    auto statement = Statement::prepare(database_, "DELETE FROM kv WHERE key = ?1");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_text(1, key));
    return statement->run();
}

}  // namespace kiosk::store
