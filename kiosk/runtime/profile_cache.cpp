#include "kiosk/runtime/profile_cache.hpp"

#include "common/bytes.hpp"
#include "crm/profile_format.hpp"
#include "store/sealed_rows.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace kiosk {

namespace {

constexpr std::string_view kTable = "profile_cache";  // store/migrations.cpp, schema 8
constexpr std::string_view kKind = "customer_profile";

// The token names the row; as the record id it is part of the seal's AAD, so a sealed profile
// cannot be moved to another customer's row unnoticed.
std::string record_id_of(std::string_view token) { return "profile-" + std::string(token); }

}  // namespace

ProfileCache::ProfileCache(store::Database& database, security::RecordSealer& sealer, RandomSource& random,
                           const Clock& clock, std::string kiosk_id, Millis keep_for)
    : database_(database), sealer_(sealer), random_(random), clock_(clock), kiosk_id_(std::move(kiosk_id)),
      keep_for_(keep_for) {}

Status ProfileCache::store(std::string_view token, const CustomerProfile& profile) {
    const TimePoint now = clock_.now();
    security::RecordHeader header;
    header.record_id = record_id_of(token);
    header.kind = std::string(kKind);
    header.kiosk_id = kiosk_id_;
    header.schema_version = 1;
    header.created_unix_ms = to_unix_millis(now);
    const std::string json = crm::encode_profile(profile, token);
    auto sealed = sealer_.seal(std::move(header), to_bytes(json), random_);
    if (!sealed.ok()) return sealed.error();
    const store::SealedRows rows(database_, kTable);
    auto transaction = store::Transaction::begin(database_);
    if (!transaction.ok()) return transaction.error();
    KIOSK_TRY(rows.remove(sealed->header.record_id));
    KIOSK_TRY(rows.insert(*sealed, {{"expires_unix_ms", to_unix_millis(now + keep_for_)}}));
    return transaction->commit();
}

Result<std::optional<CustomerProfile>> ProfileCache::find(std::string_view token) {
    const store::SealedRows rows(database_, kTable);
    auto statement = rows.select("expires_unix_ms", "WHERE record_id = ?1");
    if (!statement.ok()) return statement.error();
    KIOSK_TRY(statement->bind_text(1, record_id_of(token)));
    auto row = statement->step();
    if (!row.ok()) return row.error();
    if (!*row) return std::optional<CustomerProfile>{};
    const security::SealedRecord record = store::read_sealed_record(*statement);
    const std::int64_t expires = statement->column_int64(store::kSealedColumnCount);
    if (expires <= to_unix_millis(clock_.now())) {
        KIOSK_TRY(rows.remove(record.header.record_id));
        return std::optional<CustomerProfile>{};
    }
    auto opened = sealer_.open(record);
    if (!opened.ok()) {
        (void)rows.remove(record.header.record_id);
        return opened.error();
    }
    const ByteView bytes = opened->view();
    auto profile = crm::decode_profile(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    if (!profile.ok()) {
        (void)rows.remove(record.header.record_id);
        return profile.error();
    }
    return std::optional<CustomerProfile>(std::move(*profile));
}

Status ProfileCache::forget(std::string_view token) {
    return store::SealedRows(database_, kTable).remove(record_id_of(token));
}

Result<std::int64_t> ProfileCache::prune() {
    auto statement = store::Statement::prepare(database_, "DELETE FROM profile_cache WHERE expires_unix_ms <= ?1");
    if (!statement.ok()) return statement.error();
    KIOSK_TRY(statement->bind_int64(1, to_unix_millis(clock_.now())));
    KIOSK_TRY(statement->run());
    return statement->changes();
}

}  // namespace kiosk
