// Seals the kiosk's CRM records so that only the bank's CRM can open them: a random 32-byte data
// key per key period, wrapped with HPKE to every configured CRM record public key (two during a
// rotation, data_key_wrap.hpp), seals each record with AES-256-GCM under the header as AAD
// (aead.hpp). The data key lives only in this object's memory: the wraps are persisted through a
// WrappedKeyStore before the first record sealed under the key exists, so every record can always
// travel with its wraps, and a stolen disk holds no key that opens anything. A new data key at
// the first seal after start, when `key_period` has passed on the Clock since it was made, and
// when its GCM budget (random IVs, 2^32 encryptions) is spent. The old key is wiped at once: the
// kiosk cannot read its own backlog. Local-only sealed data (profile cache, sealed rows) keeps
// RecordSealer. Tests: tests/security/crm_record_sealer_test.cpp.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/random_source.hpp"
#include "common/result.hpp"
#include "security/aead.hpp"
#include "security/crm_record_key.hpp"
#include "security/data_key_wrap.hpp"
#include "security/key_store.hpp"

namespace kiosk::security {

// A data key as it is persisted: its id, when it was made, and one wrap per CRM key. Never the key.
struct NewDataKey {
    std::string data_key_id;
    std::int64_t created_unix_ms = 0;
    std::vector<WrappedDataKey> wraps;
};

// Where the wraps go (store/crm_data_keys.hpp on the kiosk's database). persist() must be durable
// when it returns ok: the sealer seals under the key only afterwards.
class WrappedKeyStore {
public:
    virtual ~WrappedKeyStore() = default;
    virtual Status persist(const NewDataKey& key) = 0;
};

inline constexpr Millis kDefaultDataKeyPeriod{24LL * 60 * 60 * 1000};

struct CrmSealerConfig {
    std::vector<CrmPublicKey> crm_keys;  // one, or two during a rotation (check_crm_public_key_set)
    Millis key_period = kDefaultDataKeyPeriod;
    std::uint64_t seal_limit = kGcmRandomIvLimit;  // tests lower it to reach the budget
};

class CrmRecordSealer {
public:
    // `store` and `clock` must outlive the sealer. Throws std::runtime_error (start-up) on a bad
    // key set, a period that is not positive or a seal limit over 2^32 - 1.
    CrmRecordSealer(CrmSealerConfig config, WrappedKeyStore& store, const Clock& clock);

    CrmRecordSealer(const CrmRecordSealer&) = delete;
    CrmRecordSealer& operator=(const CrmRecordSealer&) = delete;

    // Sets header.key_id to the current data key's id and seals. Makes (and persists the wraps of)
    // a new data key first when there is none, the period has passed or the budget is spent; fails
    // when wrapping or persisting fails (no record is sealed under an unpersisted key).
    Result<SealedRecord> seal(RecordHeader header, ByteView plaintext, RandomSource& random);

    // Empty before the first seal.
    [[nodiscard]] std::string current_data_key_id() const;
    [[nodiscard]] std::uint64_t sealed_with_current_key() const;
    [[nodiscard]] const std::vector<CrmPublicKey>& crm_keys() const { return config_.crm_keys; }

private:
    [[nodiscard]] bool needs_new_key(TimePoint now) const;
    Status make_data_key(TimePoint now, RandomSource& random);

    CrmSealerConfig config_;
    WrappedKeyStore& store_;
    const Clock& clock_;

    mutable std::mutex mutex_;  // the runtime and the cash path may seal from different threads
    std::optional<DataKey> current_;
    TimePoint created_{};
    std::uint64_t sealed_ = 0;
};

}  // namespace kiosk::security
