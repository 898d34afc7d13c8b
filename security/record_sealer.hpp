// The one object that seals records at run time: it holds the current data key, counts the
// encryptions made with it and refuses once the per-key limit is reached (random 96-bit IVs
// allow at most 2^32 encryptions per key, NIST SP 800-38D §8.3), so the caller must rotate.
// Retired keys stay for opening old records only; they never seal again (PCI DSS 3.7.5).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "security/aead.hpp"

namespace kiosk::security {

class RecordSealer {
public:
    // 2^32 - 1: the SP 800-38D bound for random IVs, minus one so the count fits in 32 bits.
    static constexpr std::uint64_t kGcmRandomIvLimit = 0xFFFF'FFFFULL;

    // `already_sealed` restores the count persisted by the store for this key after a restart;
    // without it a restart would silently reset the budget. Throws std::runtime_error when the
    // key is malformed (start-up error).
    explicit RecordSealer(DataKey current, std::uint64_t seal_limit = kGcmRandomIvLimit,
                          std::uint64_t already_sealed = 0);

    RecordSealer(const RecordSealer&) = delete;
    RecordSealer& operator=(const RecordSealer&) = delete;

    // Seals with the current key; fails once seal_limit encryptions were made with it.
    Result<SealedRecord> seal(RecordHeader header, ByteView plaintext, RandomSource& random);

    // Opens with the key named by record.header.key_id: the current key or a retired one.
    Result<SecureBytes> open(const SealedRecord& record) const;

    // Makes `next` the current key (with a fresh count) and retires the old one. Refuses a key id
    // already in use or retired: data keys are derived from their id, so reusing an id would
    // reuse the same key with its count reset.
    Status rotate(DataKey next);

    // Adds a key that only opens (records sealed before a restart under an older key id).
    Status add_retired(DataKey retired);

    [[nodiscard]] std::string current_key_id() const;
    [[nodiscard]] std::uint64_t sealed_with_current_key() const;  // persist this with each batch
    [[nodiscard]] std::uint64_t remaining_for_current_key() const;

private:
    [[nodiscard]] bool knows_id(const std::string& id) const;

    mutable std::mutex mutex_;  // the runtime seals while a maintenance thread may open
    DataKey current_;
    std::uint64_t seal_limit_;
    std::uint64_t sealed_ = 0;
    std::map<std::string, DataKey, std::less<>> retired_;
};

}  // namespace kiosk::security
