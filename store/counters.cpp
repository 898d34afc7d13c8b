// Counters in table `counters` (see counters.hpp).
#include "store/counters.hpp"

#include "store/database.hpp"
#include "store/statement.hpp"

namespace kiosk::store {

Status Counters::add(const std::string& name, std::int64_t delta) {
    // SQLite would turn an overflowing sum into a REAL; the STRICT table refuses to store it, so
    // the overflow surfaces as an error here instead of a silently imprecise counter.
    auto statement = Statement::prepare(
        database_,
        "INSERT INTO counters (name, value) VALUES (?1, ?2)"
        " ON CONFLICT (name) DO UPDATE SET value = value + excluded.value");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_text(1, name));
    KIOSK_TRY(statement->bind_int64(2, delta));
    return statement->run();
}

Result<std::int64_t> Counters::get(const std::string& name) {
    auto statement = Statement::prepare(database_, "SELECT value FROM counters WHERE name = ?1");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_text(1, name));
    auto row = statement->step();
    if (!row) return row.error();
    return *row ? statement->column_int64(0) : std::int64_t{0};
}

Result<std::map<std::string, std::int64_t>> Counters::all() {
    auto statement = Statement::prepare(database_, "SELECT name, value FROM counters ORDER BY name");
    if (!statement) return statement.error();
    std::map<std::string, std::int64_t> counters;
    while (true) {
        auto row = statement->step();
        if (!row) return row.error();
        if (!*row) break;
        counters.emplace(statement->column_text(0), statement->column_int64(1));
    }
    return counters;
}

}  // namespace kiosk::store
