#include "kiosk/runtime/in_flight_bracket.hpp"

#include "host/iso8583/host_message_mapping.hpp"
#include "host/iso8583/iso8583_codec.hpp"
#include "store/sealed_rows.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk {

namespace {

constexpr std::string_view kRecordKind = "withdrawal_in_flight";
constexpr std::string_view kTable = "withdrawal_in_flight";  // store/migrations.cpp, schema 4

store::SealedRows rows(store::Database& database) { return store::SealedRows(database, kTable); }

}  // namespace

Status InFlightBracket::open(const host::ReversalRequest& reversal_in_waiting) {
    auto message = host::iso8583::to_iso(reversal_in_waiting);
    if (!message.ok()) return message.error();
    auto wire = host::iso8583::encode(*message);  // SecureBytes: wiped when it goes out of scope
    if (!wire.ok()) return wire.error();
    auto sealed = store::seal_record(*sealer_, *random_,
                                     store::NewRecord{"inflight", kRecordKind, kiosk_id_, 1, clock_->now()}, *wire);
    if (!sealed.ok()) return sealed.error();

    // One open bracket at a time: a new one replaces any left behind.
    auto transaction = store::Transaction::begin(*database_);
    if (!transaction.ok()) return transaction.error();
    KIOSK_TRY(rows(*database_).remove_all());
    KIOSK_TRY(rows(*database_).insert(*sealed));
    return transaction->commit();
}

Status InFlightBracket::close() { return rows(*database_).remove_all(); }

Status InFlightBracket::close_with_reversal(host::ReversalQueue& queue, const host::ReversalRequest& reversal) {
    auto transaction = store::Transaction::begin(*database_);
    if (!transaction.ok()) return transaction.error();
    KIOSK_TRY(queue.enqueue(*transaction, reversal));
    KIOSK_TRY(rows(*database_).remove_all());
    return transaction->commit();
}

Result<bool> InFlightBracket::is_open() {
    auto count = store::query_int64(*database_, "SELECT count(*) FROM withdrawal_in_flight");
    if (!count.ok()) return count.error();
    return *count > 0;
}

Result<std::optional<host::ReversalRequest>> InFlightBracket::load() {
    auto select = rows(*database_).select({}, "ORDER BY seq DESC LIMIT 1");
    if (!select.ok()) return select.error();
    auto row = select->step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<host::ReversalRequest>{};
    const security::SealedRecord sealed = store::read_sealed_record(*select);
    auto plain = sealer_->open(sealed);
    if (!plain.ok()) return plain.error();
    auto message = host::iso8583::decode(plain->view());
    if (!message.ok()) return message.error();
    auto reversal = host::iso8583::reversal_request_from_iso(*message, clock_->now());
    if (!reversal.ok()) return reversal.error();
    return std::optional<host::ReversalRequest>{std::move(*reversal)};
}

Result<bool> InFlightBracket::resolve(host::ReversalQueue& queue) {
    auto reversal = load();
    if (!reversal.ok()) return reversal.error();
    if (!reversal->has_value()) return false;
    KIOSK_TRY(close_with_reversal(queue, **reversal));  // the reversal's PAN wipes itself
    return true;
}

}  // namespace kiosk
