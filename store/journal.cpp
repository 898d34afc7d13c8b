// The electronic journal in table `journal` (see journal.hpp).
#include "store/journal.hpp"

#include <algorithm>

#include <sqlite3.h>

#include "store/database.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

constexpr const char* kSelectColumns =
    "SELECT seq, time_unix_ms, actor, event_type, outcome, origin, resource, detail, mac "
    "FROM journal ";

Result<std::vector<JournalEntry>> read_entries(Statement& statement) {
    std::vector<JournalEntry> entries;
    while (true) {
        auto row = statement.step();
        if (!row) return row.error();
        if (!*row) break;
        JournalEntry entry;
        entry.seq = statement.column_int64(0);
        entry.line.time_unix_ms = statement.column_int64(1);
        entry.line.actor = statement.column_text(2);
        entry.line.event_type = statement.column_text(3);
        entry.line.outcome = statement.column_text(4);
        entry.line.origin = statement.column_text(5);
        entry.line.resource = statement.column_text(6);
        entry.line.detail = statement.column_text(7);
        if (!statement.column_is_null(8)) entry.line.mac = statement.column_blob(8);
        entries.push_back(std::move(entry));
    }
    return entries;
}

}  // namespace

Result<std::int64_t> Journal::append(const JournalLine& line) {
    // A transaction although it is one INSERT today: the MAC chain will read the previous line's
    // MAC and insert the new one, which must not interleave with another writer.
    auto transaction = Transaction::begin(database_);
    if (!transaction) return transaction.error();
    auto statement = Statement::prepare(
        database_,
        "INSERT INTO journal (time_unix_ms, actor, event_type, outcome, origin, resource, detail, mac)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_int64(1, line.time_unix_ms));
    KIOSK_TRY(statement->bind_text(2, line.actor));
    KIOSK_TRY(statement->bind_text(3, line.event_type));
    KIOSK_TRY(statement->bind_text(4, line.outcome));
    KIOSK_TRY(statement->bind_text(5, line.origin));
    KIOSK_TRY(statement->bind_text(6, line.resource));
    KIOSK_TRY(statement->bind_text(7, line.detail));
    KIOSK_TRY(line.mac ? statement->bind_blob(8, *line.mac) : statement->bind_null(8));
    KIOSK_TRY(statement->run());
    const std::int64_t seq = sqlite3_last_insert_rowid(database_.handle());
    KIOSK_TRY(transaction->commit());
    return seq;
}

Result<std::vector<JournalEntry>> Journal::read_all() {
    auto statement = Statement::prepare(database_, std::string(kSelectColumns) + "ORDER BY seq");
    if (!statement) return statement.error();
    return read_entries(*statement);
}

Result<std::vector<JournalEntry>> Journal::read_last(std::size_t count) {
    auto statement = Statement::prepare(
        database_, std::string(kSelectColumns) + "ORDER BY seq DESC LIMIT ?1");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_int64(1, to_sql_limit(count)));
    auto entries = read_entries(*statement);
    if (!entries) return entries.error();
    std::reverse(entries->begin(), entries->end());
    return entries;
}

Result<std::vector<JournalEntry>> Journal::read_from(std::int64_t first_seq, std::size_t limit) {
    auto statement = Statement::prepare(
        database_, std::string(kSelectColumns) + "WHERE seq >= ?1 ORDER BY seq LIMIT ?2");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_int64(1, first_seq));
    KIOSK_TRY(statement->bind_int64(2, to_sql_limit(limit)));
    return read_entries(*statement);
}

Result<std::size_t> Journal::count() {
    auto count = query_int64(database_, "SELECT count(*) FROM journal");
    if (!count) return count.error();
    return static_cast<std::size_t>(*count);
}

}  // namespace kiosk::store
