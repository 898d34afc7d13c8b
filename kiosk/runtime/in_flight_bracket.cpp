#include "kiosk/runtime/in_flight_bracket.hpp"

#include <array>
#include <sstream>
#include <vector>

#include <openssl/crypto.h>

#include "host/iso8583/host_message_mapping.hpp"
#include "host/iso8583/iso8583_codec.hpp"
#include "store/business_step.hpp"
#include "store/kv_store.hpp"
#include "store/transaction.hpp"

namespace kiosk {

namespace {

constexpr std::string_view kRecordKind = "withdrawal_in_flight";

Error bracket_error(std::string message) { return Error{"in-flight bracket", std::move(message), 0}; }

// One field per line; none of them can hold a newline (ids, hex, numbers).
std::string serialize(const security::SealedRecord& sealed) {
    const security::RecordHeader& h = sealed.header;
    std::ostringstream out;
    out << h.record_id << '\n' << h.kiosk_id << '\n' << h.key_id << '\n' << h.schema_version << '\n'
        << h.created_unix_ms << '\n' << to_hex(sealed.iv) << '\n' << to_hex(sealed.ciphertext) << '\n'
        << to_hex(sealed.tag);
    return out.str();
}

Result<security::SealedRecord> deserialize(const std::string& text) {
    std::vector<std::string> fields;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) fields.push_back(line);
    if (fields.size() != 8) {
        return bracket_error("stored bracket has " + std::to_string(fields.size()) + " fields, expected 8");
    }
    security::SealedRecord sealed;
    try {
        sealed.header = security::RecordHeader{fields[0], std::string(kRecordKind), fields[1], fields[2],
                                               static_cast<std::uint32_t>(std::stoul(fields[3])),
                                               std::stoll(fields[4])};
    } catch (const std::exception&) {
        return bracket_error("stored bracket has a non-numeric schema version or creation time");
    }
    auto iv = from_hex(fields[5]);
    auto ciphertext = from_hex(fields[6]);
    auto tag = from_hex(fields[7]);
    if (!iv.ok() || !ciphertext.ok() || !tag.ok()) return bracket_error("stored bracket has a field that is not hex");
    sealed.iv = std::move(*iv);
    sealed.ciphertext = std::move(*ciphertext);
    sealed.tag = std::move(*tag);
    return sealed;
}

std::string random_record_id(RandomSource& random) {
    std::array<std::uint8_t, 16> bytes{};
    random.fill(bytes);
    return "inflight-" + to_hex(bytes);
}

Status erase_in_step(store::Database& database) {
    store::BusinessStep step;
    step.kv.push_back(store::KvChange{std::string(InFlightBracket::kKey), std::nullopt});
    return store::commit(database, step);
}

}  // namespace

Status InFlightBracket::open(const host::ReversalRequest& reversal_in_waiting) {
    auto message = host::iso8583::to_iso(reversal_in_waiting);
    if (!message.ok()) return message.error();
    auto wire = host::iso8583::encode(*message);
    if (!wire.ok()) return wire.error();

    // key_id is the sealer's to fill in.
    security::RecordHeader header{random_record_id(*random_), std::string(kRecordKind), kiosk_id_, {}, 1,
                                  to_unix_millis(clock_->now())};
    auto sealed = sealer_->seal(std::move(header), *wire, *random_);
    OPENSSL_cleanse(wire->data(), wire->size());
    if (!sealed.ok()) return sealed.error();

    store::BusinessStep step;
    step.kv.push_back(store::KvChange{std::string(kKey), serialize(*sealed)});
    return store::commit(*database_, step);
}

Status InFlightBracket::close() { return erase_in_step(*database_); }

Status InFlightBracket::close_with_reversal(host::ReversalQueue& queue, const host::ReversalRequest& reversal) {
    auto transaction = store::Transaction::begin(*database_);
    if (!transaction.ok()) return transaction.error();
    KIOSK_TRY(queue.enqueue(*transaction, reversal));
    KIOSK_TRY(erase_in_step(*database_));  // a savepoint of the transaction above
    return transaction->commit();
}

Result<bool> InFlightBracket::is_open() {
    store::KvStore kv(*database_);
    auto stored = kv.get(std::string(kKey));
    if (!stored.ok()) return stored.error();
    return stored->has_value();
}

Result<std::optional<host::ReversalRequest>> InFlightBracket::load() {
    store::KvStore kv(*database_);
    auto stored = kv.get(std::string(kKey));
    if (!stored.ok()) return stored.error();
    if (!stored->has_value()) return std::optional<host::ReversalRequest>{};
    auto sealed = deserialize(**stored);
    if (!sealed.ok()) return sealed.error();
    auto plain = sealer_->open(*sealed);
    if (!plain.ok()) return plain.error();
    auto message = host::iso8583::decode(ByteView(plain->data(), plain->size()));
    if (!message.ok()) return message.error();
    auto reversal = host::iso8583::reversal_request_from_iso(*message, clock_->now());
    if (!reversal.ok()) return reversal.error();
    return std::optional<host::ReversalRequest>{std::move(*reversal)};
}

Result<bool> InFlightBracket::resolve(host::ReversalQueue& queue) {
    auto reversal = load();
    if (!reversal.ok()) return reversal.error();
    if (!reversal->has_value()) return false;
    const Status queued = close_with_reversal(queue, **reversal);
    OPENSSL_cleanse((*reversal)->pan.data(), (*reversal)->pan.size());
    if (!queued.ok()) return queued.error();
    return true;
}

}  // namespace kiosk
