// The SQLite outbox (see outbox.hpp): rows of table `outbox`, ordered by priority, then seq.
#include "store/outbox.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "store/database.hpp"
#include "store/record_priority.hpp"
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

constexpr auto kTelemetry = static_cast<std::int64_t>(RecordPriority::Telemetry);
// Oldest journey rows looked at per query while making room; one add usually drops one.
constexpr std::int64_t kDropChunk = 64;

double percent_of(std::int64_t value, std::int64_t cap) {
    return cap > 0 ? 100.0 * static_cast<double>(value) / static_cast<double>(cap) : 0.0;
}

bool over_cap(const OutboxFill& fill, const OutboxLimits& limits) {
    return (limits.max_records > 0 && fill.records > limits.max_records) ||
           (limits.max_bytes > 0 && fill.bytes > limits.max_bytes);
}

Result<OutboxFill> read_fill(Database& database) {
    auto statement = Statement::prepare(database, "SELECT records, bytes, alarm FROM outbox_fill WHERE id = 1");
    if (!statement) return statement.error();
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) return make_error("store", "outbox_fill has no row (" + database.path() + ")");
    OutboxFill fill;
    fill.records = statement->column_int64(0);
    fill.bytes = statement->column_int64(1);
    fill.alarm = statement->column_int64(2) != 0;
    const OutboxLimits& limits = database.outbox_limits();
    fill.percent = std::max(percent_of(fill.records, limits.max_records), percent_of(fill.bytes, limits.max_bytes));
    return fill;
}

Status set_alarm(Database& database, bool raised) {
    return database.execute(raised ? "UPDATE outbox_fill SET alarm = 1 WHERE id = 1"
                                   : "UPDATE outbox_fill SET alarm = 0 WHERE id = 1");
}

// After rows left (acknowledged, dead-lettered): the alarm clears below clear_percent.
Status clear_alarm_if_drained(Database& database) {
    auto fill = read_fill(database);
    if (!fill) return fill.error();
    if (!fill->alarm || fill->percent >= database.outbox_limits().clear_percent) return ok_status();
    spdlog::info("store: outbox fill alarm cleared ({} records, {:.0f} %)", fill->records, fill->percent);
    return set_alarm(database, false);
}

// Deletes the oldest journey rows while the outbox is over a cap; counts them in outbox_dropped.
Result<std::int64_t> drop_oldest_telemetry(Database& database, OutboxFill& fill) {
    const OutboxLimits& limits = database.outbox_limits();
    std::int64_t dropped = 0;
    std::int64_t oldest = 0;
    std::int64_t newest = 0;
    auto pick = Statement::prepare(database,
                                   "SELECT seq, created_unix_ms, length(iv) + length(ciphertext) + length(tag) "
                                   "FROM outbox WHERE priority = ?1 ORDER BY seq LIMIT ?2");
    if (!pick) return pick.error();
    auto remove = Statement::prepare(database, "DELETE FROM outbox WHERE seq = ?1");
    if (!remove) return remove.error();
    while (over_cap(fill, limits)) {
        struct Victim {
            std::int64_t seq, created, bytes;
        };
        std::vector<Victim> victims;
        KIOSK_TRY(pick->bind_int64(1, kTelemetry));
        KIOSK_TRY(pick->bind_int64(2, kDropChunk));
        while (true) {
            auto row = pick->step();
            if (!row) return row.error();
            if (!*row) break;
            victims.push_back({pick->column_int64(0), pick->column_int64(1), pick->column_int64(2)});
        }
        pick->reset();
        if (victims.empty()) break;  // only records that are never dropped: over the cap it is
        for (const Victim& victim : victims) {
            if (!over_cap(fill, limits)) break;
            KIOSK_TRY(remove->bind_int64(1, victim.seq));
            KIOSK_TRY(remove->run());
            remove->reset();
            fill.records -= 1;
            fill.bytes -= victim.bytes;
            oldest = dropped == 0 ? victim.created : std::min(oldest, victim.created);
            newest = dropped == 0 ? victim.created : std::max(newest, victim.created);
            ++dropped;
        }
    }
    if (dropped == 0) return dropped;
    auto count = Statement::prepare(
        database, "INSERT INTO outbox_dropped (dropped, oldest_unix_ms, newest_unix_ms) VALUES (?1, ?2, ?3)");
    if (!count) return count.error();
    KIOSK_TRY(count->bind_int64(1, dropped));
    KIOSK_TRY(count->bind_int64(2, oldest));
    KIOSK_TRY(count->bind_int64(3, newest));
    KIOSK_TRY(count->run());
    return dropped;
}

}  // namespace

Outbox::Outbox(Database& database) : Outbox(database, process_system_clock()) {}

Status Outbox::add(const security::SealedRecord& record) {
    auto added = add(std::span<const security::SealedRecord>(&record, 1));
    if (!added) return added.error();
    return ok_status();
}

Result<AddReport> Outbox::add(std::span<const security::SealedRecord> records) {
    AddReport report;
    if (records.empty()) return report;
    // Atomic on its own too: the inserts and the drops they cause land together or not at all.
    auto transaction = Transaction::begin(database_);
    if (!transaction) return transaction.error();
    auto insert = Statement::prepare(database_, "INSERT INTO outbox (" + std::string(kSealedColumns) +
                                                    ", priority) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    if (!insert) return insert.error();
    for (const security::SealedRecord& record : records) {
        // A duplicate record_id fails on the UNIQUE constraint (native_code
        // SQLITE_CONSTRAINT_UNIQUE): the CRM deduplicates on that id, so two different records
        // with one id would make it drop the second.
        KIOSK_TRY(bind_sealed_record(*insert, 1, record));
        KIOSK_TRY(insert->bind_int64(10, static_cast<std::int64_t>(record_priority(record.header.kind))));
        KIOSK_TRY(insert->run());
        insert->reset();
    }
    auto fill = read_fill(database_);
    if (!fill) return fill.error();
    auto dropped = drop_oldest_telemetry(database_, *fill);
    if (!dropped) return dropped.error();
    report.dropped = *dropped;
    const OutboxLimits& limits = database_.outbox_limits();
    fill->percent = std::max(percent_of(fill->records, limits.max_records), percent_of(fill->bytes, limits.max_bytes));
    if (!fill->alarm && fill->percent >= limits.alarm_percent) {
        KIOSK_TRY(set_alarm(database_, true));
        fill->alarm = true;
        report.alarm_raised = true;
    }
    report.fill = *fill;
    KIOSK_TRY(transaction->commit());
    return report;
}

Result<OutboxFill> Outbox::fill() { return read_fill(database_); }

Result<bool> Outbox::contains(const std::string& record_id) {
    auto statement = Statement::prepare(database_, "SELECT 1 FROM outbox WHERE record_id = ?1");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_text(1, record_id));
    return statement->step();
}

Result<std::optional<DroppedTelemetry>> Outbox::dropped_telemetry() {
    auto statement = Statement::prepare(
        database_, "SELECT count(*), sum(dropped), min(oldest_unix_ms), max(newest_unix_ms), max(seq) FROM outbox_dropped");
    if (!statement) return statement.error();
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row || statement->column_int64(0) == 0) return std::optional<DroppedTelemetry>{};
    DroppedTelemetry dropped;
    dropped.dropped = statement->column_int64(1);
    dropped.oldest_unix_ms = statement->column_int64(2);
    dropped.newest_unix_ms = statement->column_int64(3);
    dropped.through_seq = statement->column_int64(4);
    return std::optional<DroppedTelemetry>{dropped};
}

Status Outbox::forget_dropped_through(std::int64_t through_seq) {
    auto statement = Statement::prepare(database_, "DELETE FROM outbox_dropped WHERE seq <= ?1");
    if (!statement) return statement.error();
    KIOSK_TRY(statement->bind_int64(1, through_seq));
    return statement->run();
}

Result<std::vector<security::SealedRecord>> Outbox::next_batch(std::size_t limit) {
    // The index outbox_by_priority (priority, seq) serves this order without sorting.
    auto statement = SealedRows(database_, "outbox").select({}, "ORDER BY priority, seq LIMIT ?1");
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
    KIOSK_TRY(clear_alarm_if_drained(database_));
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
    KIOSK_TRY(clear_alarm_if_drained(database_));
    return transaction->commit();
}

Result<std::size_t> Outbox::pending_count() {
    return count_rows(database_, "SELECT records FROM outbox_fill WHERE id = 1");
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
