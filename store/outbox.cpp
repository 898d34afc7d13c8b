// The SQLite outbox (see outbox.hpp): rows of table `outbox`, ordered by seq.
#include "store/outbox.hpp"


#include "store/database.hpp"
#include "store/sealed_rows.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk::store {
namespace {

constexpr int kExtra = kSealedColumnCount;  // the first column after the sealed ones

Result<std::size_t> count_rows(Database& database, const char* sql) {
    auto count = query_int64(database, sql);
    if (!count) return count.error();
    return static_cast<std::size_t>(*count);
}

const Clock& process_system_clock() {
    static const SystemClock clock;
    return clock;
}

}  // namespace

Outbox::Outbox(Database& database) : Outbox(database, process_system_clock()) {}

Status Outbox::add(const security::SealedRecord& record) {
    // A duplicate record_id fails on the UNIQUE constraint (native_code
    // SQLITE_CONSTRAINT_UNIQUE): the CRM deduplicates on that id, so two different records with
    // one id would make it drop the second.
    return SealedRows(database_, "outbox").insert(record);
}

Result<std::vector<security::SealedRecord>> Outbox::next_batch(std::size_t limit) {
    auto statement = SealedRows(database_, "outbox").select({}, "ORDER BY seq LIMIT ?1");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_int64(1, to_sql_limit(limit)));
    std::vector<security::SealedRecord> records;
    while (true) {
        auto row = statement->step();
        if (!row) return row.error();
        if (!*row) break;
        records.push_back(read_sealed_record(*statement));
    }
    return records;
}

Status Outbox::acknowledge(const std::vector<std::string>& record_ids) {
    if (record_ids.empty()) return ok_status();
    // One transaction for the batch: one fsync instead of one per record.
    auto transaction = Transaction::begin(database_);
    if (!transaction) return transaction.error();
    auto statement = Statement::prepare(database_, "DELETE FROM outbox WHERE record_id = ?1");
    if (!statement) return statement.error();
    for (const std::string& record_id : record_ids) {
        KIOSK_TRY(statement->bind_text(1, record_id));
        KIOSK_TRY(statement->run());
        statement->reset();
    }
    return transaction->commit();
}

Status Outbox::dead_letter(const std::string& record_id, const std::string& reason) {
    auto transaction = Transaction::begin(database_);
    if (!transaction) return transaction.error();

    const std::string sealed_columns(kSealedColumns);
    auto move = Statement::prepare(
        database_, "INSERT INTO dead_letter (" + sealed_columns + ", attempts, last_error, reason, moved_unix_ms) SELECT " +
                       sealed_columns + ", attempts, last_error, ?2, ?3 FROM outbox WHERE record_id = ?1");
    if (!move) return move.error();
    KIOSK_TRY(move->bind_text(1, record_id));
    KIOSK_TRY(move->bind_text(2, reason));
    KIOSK_TRY(move->bind_int64(3, to_unix_millis(clock_.now())));
    KIOSK_TRY(move->run());
    if (move->changes() == 0) {
        // Already dead-lettered by an earlier call whose outcome the caller never saw: done.
        auto already = Statement::prepare(database_, "SELECT 1 FROM dead_letter WHERE record_id = ?1");
        if (!already) return already.error();
        KIOSK_TRY(already->bind_text(1, record_id));
        auto found = already->step();
        if (!found) return found.error();
        if (*found) return ok_status();
        return make_error("store", "dead-lettering record " + record_id + " (" + database_.path() +
                                       "): not in the outbox");
    }

    auto remove = Statement::prepare(database_, "DELETE FROM outbox WHERE record_id = ?1");
    if (!remove) return remove.error();
    KIOSK_TRY(remove->bind_text(1, record_id));
    KIOSK_TRY(remove->run());
    return transaction->commit();
}

Result<std::size_t> Outbox::pending_count() {
    return count_rows(database_, "SELECT count(*) FROM outbox");
}

Result<std::size_t> Outbox::dead_letter_count() {
    return count_rows(database_, "SELECT count(*) FROM dead_letter");
}

Status Outbox::record_attempt(const std::string& record_id, const std::string& error_text) {
    auto statement = Statement::prepare(
        database_,
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE record_id = ?1");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_text(1, record_id));
    KIOSK_TRY(statement->bind_text(2, error_text));
    return statement->run();
}

Result<std::optional<DeliveryAttempts>> Outbox::delivery(const std::string& record_id) {
    auto statement =
        Statement::prepare(database_, "SELECT attempts, last_error FROM outbox WHERE record_id = ?1");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_text(1, record_id));
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) return std::optional<DeliveryAttempts>{};
    DeliveryAttempts attempts;
    attempts.attempts = statement->column_int64(0);
    if (!statement->column_is_null(1)) attempts.last_error = statement->column_text(1);
    return std::optional<DeliveryAttempts>{std::move(attempts)};
}

Result<std::vector<DeadLetter>> Outbox::dead_letters(std::size_t limit) {
    auto statement = SealedRows(database_, "dead_letter")
                         .select("attempts, last_error, reason, moved_unix_ms", "ORDER BY seq LIMIT ?1");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_int64(1, to_sql_limit(limit)));
    std::vector<DeadLetter> letters;
    while (true) {
        auto row = statement->step();
        if (!row) return row.error();
        if (!*row) break;
        DeadLetter letter;
        letter.record = read_sealed_record(*statement);
        letter.attempts = statement->column_int64(kExtra);
        if (!statement->column_is_null(kExtra + 1)) letter.last_error = statement->column_text(kExtra + 1);
        letter.reason = statement->column_text(kExtra + 2);
        letter.moved_unix_ms = statement->column_int64(kExtra + 3);
        letters.push_back(std::move(letter));
    }
    return letters;
}

}  // namespace kiosk::store
