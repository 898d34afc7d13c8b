#include "host/reversal_queue.hpp"

#include <array>

#include <openssl/crypto.h>

#include "host/iso8583/host_message_mapping.hpp"
#include "host/iso8583/iso8583_codec.hpp"
#include "store/statement.hpp"

namespace kiosk::host {

namespace {

constexpr std::string_view kRecordKind = "host_reversal";

// Not a migration of store/: the store's migration list is one fixed list owned by store/, and
// this table is private to the host link (docs/host.md). STRICT like the store's own tables.
constexpr std::string_view kCreateTable = R"sql(
CREATE TABLE IF NOT EXISTS host_reversals (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id        TEXT    NOT NULL UNIQUE,
    stan             INTEGER NOT NULL,
    original_stan    INTEGER NOT NULL,
    kiosk_id         TEXT    NOT NULL,
    key_id           TEXT    NOT NULL,
    schema_version   INTEGER NOT NULL,
    created_unix_ms  INTEGER NOT NULL,
    iv               BLOB    NOT NULL,
    ciphertext       BLOB    NOT NULL,
    tag              BLOB    NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT
) STRICT;
)sql";

std::string random_record_id(RandomSource& random) {
    std::array<std::uint8_t, 16> bytes{};
    random.fill(bytes);
    return "rev-" + to_hex(bytes);
}

void wipe(Bytes& bytes) {
    if (!bytes.empty()) OPENSSL_cleanse(bytes.data(), bytes.size());
}

void wipe(std::string& text) {
    if (!text.empty()) OPENSSL_cleanse(text.data(), text.size());
}

struct StoredReversal {
    PendingReversal summary;
    security::SealedRecord record;
};

}  // namespace

Result<ReversalQueue> ReversalQueue::open(store::Database& database, security::RecordSealer& sealer, RandomSource& random,
                                          const Clock& clock, std::string kiosk_id) {
    KIOSK_TRY(database.execute(kCreateTable));
    return ReversalQueue(database, sealer, random, clock, std::move(kiosk_id));
}

Status ReversalQueue::enqueue(store::Transaction& transaction, const ReversalRequest& request) {
    (void)transaction;  // proof that the caller holds one; it is open on database_ when this holds:
    if (!database_->in_transaction()) {
        return make_error("host", "a reversal must be queued inside the transaction that decides it");
    }
    auto message = iso8583::to_iso(request);
    if (!message.ok()) return message.error();
    auto wire = iso8583::encode(*message);
    if (!wire.ok()) return wire.error();

    security::RecordHeader header;
    header.record_id = random_record_id(*random_);
    header.kind = std::string(kRecordKind);
    header.kiosk_id = kiosk_id_;
    header.schema_version = 1;
    header.created_unix_ms = to_unix_millis(clock_->now());
    auto sealed = sealer_->seal(std::move(header), *wire, *random_);
    wipe(*wire);
    if (!sealed.ok()) return sealed.error();

    auto insert = store::Statement::prepare(*database_, R"sql(
        INSERT INTO host_reversals (record_id, stan, original_stan, kiosk_id, key_id, schema_version,
                                    created_unix_ms, iv, ciphertext, tag)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
    if (!insert.ok()) return insert.error();
    const security::RecordHeader& h = sealed->header;
    KIOSK_TRY(insert->bind_text(1, h.record_id));
    KIOSK_TRY(insert->bind_int64(2, request.stan));
    KIOSK_TRY(insert->bind_int64(3, request.original_stan));
    KIOSK_TRY(insert->bind_text(4, h.kiosk_id));
    KIOSK_TRY(insert->bind_text(5, h.key_id));
    KIOSK_TRY(insert->bind_int64(6, h.schema_version));
    KIOSK_TRY(insert->bind_int64(7, h.created_unix_ms));
    KIOSK_TRY(insert->bind_blob(8, sealed->iv));
    KIOSK_TRY(insert->bind_blob(9, sealed->ciphertext));
    KIOSK_TRY(insert->bind_blob(10, sealed->tag));
    return insert->run();
}

namespace {

Result<std::vector<StoredReversal>> read_all(store::Database& database) {
    auto select = store::Statement::prepare(database, R"sql(
        SELECT record_id, stan, original_stan, kiosk_id, key_id, schema_version, created_unix_ms,
               iv, ciphertext, tag, attempts, last_error
        FROM host_reversals ORDER BY seq)sql");
    if (!select.ok()) return select.error();
    std::vector<StoredReversal> rows;
    for (;;) {
        auto row = select->step();
        if (!row.ok()) return row.error();
        if (!*row) break;
        StoredReversal stored;
        stored.summary.record_id = select->column_text(0);
        stored.summary.stan = static_cast<std::uint32_t>(select->column_int64(1));
        stored.summary.original_stan = static_cast<std::uint32_t>(select->column_int64(2));
        stored.summary.created_unix_ms = select->column_int64(6);
        stored.summary.attempts = select->column_int64(10);
        if (!select->column_is_null(11)) stored.summary.last_error = select->column_text(11);
        stored.record.header = security::RecordHeader{stored.summary.record_id, std::string(kRecordKind),
                                                      select->column_text(3), select->column_text(4),
                                                      static_cast<std::uint32_t>(select->column_int64(5)),
                                                      stored.summary.created_unix_ms};
        stored.record.iv = select->column_blob(7);
        stored.record.ciphertext = select->column_blob(8);
        stored.record.tag = select->column_blob(9);
        rows.push_back(std::move(stored));
    }
    return rows;
}

}  // namespace

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

Status ReversalQueue::remove(const std::string& record_id) {
    auto erase = store::Statement::prepare(*database_, "DELETE FROM host_reversals WHERE record_id = ?");
    if (!erase.ok()) return erase.error();
    KIOSK_TRY(erase->bind_text(1, record_id));
    return erase->run();
}

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
        auto answer = link.reverse(*request);
        wipe(request->pan);
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
