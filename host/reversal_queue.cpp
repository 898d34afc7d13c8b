#include "host/reversal_queue.hpp"

#include "host/iso8583/host_message_mapping.hpp"
#include "host/iso8583/iso8583_codec.hpp"
#include "store/sealed_rows.hpp"
#include "store/statement.hpp"

namespace kiosk::host {

namespace {

constexpr std::string_view kRecordKind = "host_reversal";
constexpr std::string_view kTable = "host_reversals";  // store/migrations.cpp, schema 3
// Columns after the sealed ones, in the order read_all() reads them.
constexpr std::string_view kOwnColumns = "stan, original_stan, attempts, last_error";
constexpr int kOwn = store::kSealedColumnCount;

struct StoredReversal {
    PendingReversal summary;
    security::SealedRecord record;
};

Result<std::vector<StoredReversal>> read_all(store::Database& database) {
    auto select = store::SealedRows(database, kTable).select(kOwnColumns);
    if (!select.ok()) return select.error();
    std::vector<StoredReversal> rows;
    for (;;) {
        auto row = select->step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        StoredReversal stored;
        stored.record = store::read_sealed_record(*select);
        stored.summary.record_id = stored.record.header.record_id;
        stored.summary.created_unix_ms = stored.record.header.created_unix_ms;
        stored.summary.stan = static_cast<std::uint32_t>(select->column_int64(kOwn));
        stored.summary.original_stan = static_cast<std::uint32_t>(select->column_int64(kOwn + 1));
        stored.summary.attempts = select->column_int64(kOwn + 2);
        if (!select->column_is_null(kOwn + 3)) stored.summary.last_error = select->column_text(kOwn + 3);
        rows.push_back(std::move(stored));
    }
    return rows;
}

}  // namespace

Result<ReversalQueue> ReversalQueue::open(store::Database& database, security::RecordSealer& sealer, RandomSource& random,
                                          const Clock& clock, std::string kiosk_id) {
    // The table is the store's (migration 3); a database that lacks it was not migrated.
    auto present = store::query_int64(database, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'host_reversals'");
    if (!present.ok()) return present.error();
    if (*present == 0) return make_error("host", "database " + database.path() + " has no host_reversals table (schema below 3)");
    return ReversalQueue(database, sealer, random, clock, std::move(kiosk_id));
}

Status ReversalQueue::enqueue(store::Transaction& transaction, const ReversalRequest& request) {
    (void)transaction;  // proof that the caller holds one; it is open on database_ when this holds:
    if (!database_->in_transaction()) {
        return make_error("host", "a reversal must be queued inside the transaction that decides it");
    }
    auto message = iso8583::to_iso(request);
    if (!message.ok()) return message.error();
    auto wire = iso8583::encode(*message);  // SecureBytes: wiped when it goes out of scope
    if (!wire.ok()) return wire.error();
    auto sealed = store::seal_record(*sealer_, *random_,
                                     store::NewRecord{"rev", kRecordKind, kiosk_id_, 1, clock_->now()}, *wire);
    if (!sealed.ok()) return sealed.error();
    return store::SealedRows(*database_, kTable)
        .insert(*sealed, {{"stan", request.stan}, {"original_stan", request.original_stan}});
}

Result<std::vector<PendingReversal>> ReversalQueue::pending() {
    auto rows = read_all(*database_);
    if (!rows.ok()) return rows.error();
    std::vector<PendingReversal> summaries;
    for (auto& row : *rows) summaries.push_back(std::move(row.summary));
    return summaries;
}

Status ReversalQueue::note_attempt(const std::string& record_id, const std::string& error) {
    auto update = store::Statement::prepare(
        *database_, "UPDATE host_reversals SET attempts = attempts + 1, last_error = ? WHERE record_id = ?");
    if (!update.ok()) return update.error();
    KIOSK_TRY(update->bind_text(1, error));
    KIOSK_TRY(update->bind_text(2, record_id));
    return update->run();
}

Status ReversalQueue::remove(const std::string& record_id) { return store::SealedRows(*database_, kTable).remove(record_id); }

Result<std::vector<DueReversal>> ReversalQueue::due() {
    auto rows = read_all(*database_);
    if (!rows.ok()) return rows.error();
    std::vector<DueReversal> due;
    for (const StoredReversal& row : *rows) {
        auto opened = sealer_->open(row.record);
        if (!opened.ok()) {
            KIOSK_TRY(note_attempt(row.summary.record_id, opened.error().to_string()));
            continue;
        }
        auto message = iso8583::decode(opened->view());
        auto request = message.ok() ? iso8583::reversal_request_from_iso(*message, from_unix_millis(row.summary.created_unix_ms))
                                    : Result<ReversalRequest>(message.error());
        if (!request.ok()) {
            KIOSK_TRY(note_attempt(row.summary.record_id, request.error().to_string()));
            continue;
        }
        due.push_back(DueReversal{row.summary.record_id, std::move(*request)});
    }
    return due;
}

Result<ReversalSendReport> ReversalQueue::send_pending(HostLink& link) {
    auto rows = read_all(*database_);
    if (!rows.ok()) return rows.error();
    ReversalSendReport report;
    for (const StoredReversal& row : *rows) {
        auto opened = sealer_->open(row.record);
        if (!opened.ok()) {
            ++report.unreadable;
            KIOSK_TRY(note_attempt(row.summary.record_id, opened.error().to_string()));
            continue;
        }
        auto message = iso8583::decode(opened->view());
        // Wire dates carry no year: the one nearest the time it was queued is the right one.
        auto request = message.ok() ? iso8583::reversal_request_from_iso(*message, from_unix_millis(row.summary.created_unix_ms))
                                    : Result<ReversalRequest>(message.error());
        if (!request.ok()) {
            ++report.unreadable;
            KIOSK_TRY(note_attempt(row.summary.record_id, request.error().to_string()));
            continue;
        }
        auto answer = link.reverse(*request);  // the request's PAN is a SecureString: wiped with it
        if (!answer.ok()) {
            ++report.unanswered;
            KIOSK_TRY(note_attempt(row.summary.record_id, answer.error().to_string()));
            break;
        }
        if (!answer->acknowledged()) {
            ++report.unanswered;
            KIOSK_TRY(note_attempt(row.summary.record_id, "host answered " + std::string(to_string(answer->code))));
            continue;
        }
        KIOSK_TRY(remove(row.summary.record_id));
        ++report.acknowledged;
    }
    return report;
}

}  // namespace kiosk::host
