// The electronic journal in table `journal` (see journal.hpp).
#include "store/journal.hpp"

#include <algorithm>

#include <sqlite3.h>

#include "security/journal_chain.hpp"
#include "store/database.hpp"
#include "store/journal_canonical.hpp"
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

// Inserts `line` with `mac`; seq given explicitly, or chosen by AUTOINCREMENT when nullopt.
Result<std::int64_t> insert_line(Database& database, std::optional<std::int64_t> seq, const JournalLine& line,
                                 const std::optional<Bytes>& mac) {
    auto statement = Statement::prepare(
        database,
        "INSERT INTO journal (seq, time_unix_ms, actor, event_type, outcome, origin, resource, detail, mac)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!statement) return statement.error();
    KIOSK_TRY(seq ? statement->bind_int64(1, *seq) : statement->bind_null(1));
    KIOSK_TRY(statement->bind_int64(2, line.time_unix_ms));
    KIOSK_TRY(statement->bind_text(3, line.actor));
    KIOSK_TRY(statement->bind_text(4, line.event_type));
    KIOSK_TRY(statement->bind_text(5, line.outcome));
    KIOSK_TRY(statement->bind_text(6, line.origin));
    KIOSK_TRY(statement->bind_text(7, line.resource));
    KIOSK_TRY(statement->bind_text(8, line.detail));
    KIOSK_TRY(mac ? statement->bind_blob(9, *mac) : statement->bind_null(9));
    KIOSK_TRY(statement->run());
    return sqlite3_last_insert_rowid(database.handle());
}

// MAC of the newest stored entry: what the next entry chains to (genesis for an empty journal).
Result<Bytes> newest_mac(Database& database) {
    auto statement = Statement::prepare(database, "SELECT mac FROM journal ORDER BY seq DESC LIMIT 1");
    if (!statement) return statement.error();
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) return security::journal_genesis();
    // An unchained (NULL) newest entry is chained over as an empty MAC; the verifier has already
    // reported that entry, and refusing to journal would lose the events that follow.
    return statement->column_blob(0);
}

}  // namespace

std::string journal_actor_customer(std::string_view pan_token) { return "customer:" + std::string(pan_token); }

std::string journal_actor_technician(std::string_view technician_id) {
    return "technician:" + std::string(technician_id);
}

std::string journal_origin(std::string_view kiosk_id, std::string_view component) {
    return std::string(kiosk_id) + "/" + std::string(component);
}

Result<std::int64_t> Journal::append(const JournalLine& line, const security::JournalChain& chain) {
    // Reading the newest MAC and the next seq, then inserting, must not interleave with another
    // writer: the transaction (BEGIN IMMEDIATE, or a savepoint of the caller's) holds the lock.
    auto transaction = Transaction::begin(database_);
    if (!transaction) return transaction.error();
    auto issued = highest_seq_issued();
    if (!issued) return issued.error();
    const std::int64_t seq = *issued + 1;
    auto previous = newest_mac(database_);
    if (!previous) return previous.error();
    auto mac = chain.link(*previous, canonical_journal_bytes(seq, line));
    if (!mac) return mac.error();
    auto inserted = insert_line(database_, seq, line, *mac);
    if (!inserted) return inserted.error();
    KIOSK_TRY(transaction->commit());
    return seq;
}

Result<std::int64_t> Journal::append(const JournalLine& line) {
    auto transaction = Transaction::begin(database_);
    if (!transaction) return transaction.error();
    auto seq = insert_line(database_, std::nullopt, line, line.mac);
    if (!seq) return seq.error();
    KIOSK_TRY(transaction->commit());
    return seq;
}

Result<std::int64_t> Journal::highest_seq_issued() {
    // sqlite_sequence remembers seqs of rows deleted from the end; max(seq) covers a database
    // whose sqlite_sequence row was removed, so a seq is never issued twice either way.
    return query_int64(database_,
                       "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'journal'), 0),"
                       " coalesce((SELECT max(seq) FROM journal), 0))");
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

Result<std::vector<JournalEntry>> Journal::search(const JournalQuery& query) {
    KIOSK_TRY(validate(query));
    const JournalQuerySql sql = journal_query_sql(query);
    const int limit_index = static_cast<int>(sql.binds.size()) + 1;
    auto statement = Statement::prepare(database_, std::string(kSelectColumns) + sql.where + "ORDER BY seq DESC LIMIT ?" +
                                                       std::to_string(limit_index));
    if (!statement) return statement.error();
    int index = 1;
    for (const auto& value : sql.binds) {
        if (const auto* number = std::get_if<std::int64_t>(&value)) {
            KIOSK_TRY(statement->bind_int64(index, *number));
        } else {
            KIOSK_TRY(statement->bind_text(index, std::get<std::string>(value)));
        }
        ++index;
    }
    KIOSK_TRY(statement->bind_int64(limit_index, to_sql_limit(query.limit)));
    return read_entries(*statement);
}

Result<std::size_t> Journal::count() {
    auto count = query_int64(database_, "SELECT count(*) FROM journal");
    if (!count) return count.error();
    return static_cast<std::size_t>(*count);
}

Result<JournalAnchor> Journal::anchor() {
    auto statement =
        Statement::prepare(database_, "SELECT seq, mac FROM journal WHERE mac IS NOT NULL ORDER BY seq DESC LIMIT 1");
    if (!statement) return statement.error();
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) return JournalAnchor{0, security::journal_genesis()};
    return JournalAnchor{statement->column_int64(0), statement->column_blob(1)};
}

}  // namespace kiosk::store
