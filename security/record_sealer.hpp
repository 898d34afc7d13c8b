// Seals what only the kiosk itself opens again (reversal queue, in-flight bracket, sealed rows,
// profile cache; records for the CRM go through CrmRecordSealer): it holds the current data key, counts the
// encryptions made with it and never passes the per-key limit (random 96-bit IVs allow at most
// 2^32 encryptions per key, NIST SP 800-38D §8.3). Retired keys are RetiredKey objects, which can
// only open old records; they never seal again (PCI DSS 3.7.5).
//
// Two ways to run: with a KeyStore (production) the sealer takes its keys from the store, reserves
// persisted blocks of counts, follows rotations made by another process (`kioskctl keys rotate`)
// before its next seal, and rotates by itself when a key's budget is spent. With a bare DataKey
// (tests, benchmarks) the budget is [already_sealed, seal_limit) and it refuses once spent.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "security/aead.hpp"
#include "security/key_store.hpp"
#include "security/retired_key.hpp"

namespace kiosk::security {

class RecordSealer {
public:
    static constexpr std::uint64_t kGcmRandomIvLimit = security::kGcmRandomIvLimit;

    // `already_sealed` restores a count persisted by the caller after a restart. Throws
    // std::runtime_error when the key is malformed (start-up error).
    explicit RecordSealer(DataKey current, std::uint64_t seal_limit = kGcmRandomIvLimit,
                          std::uint64_t already_sealed = 0);

    // Keys from `store`, which must outlive the sealer. Throws std::runtime_error (start-up) when
    // the store cannot produce its keys.
    explicit RecordSealer(KeyStore& store);

    RecordSealer(const RecordSealer&) = delete;
    RecordSealer& operator=(const RecordSealer&) = delete;

    // Seals with the current key. Without a store: fails once seal_limit encryptions were made.
    // With a store: rotates when the key is spent, fails only when the store fails.
    Result<SealedRecord> seal(RecordHeader header, ByteView plaintext, RandomSource& random);

    // Opens with the key named by record.header.key_id: the current key or a retired one. (With a
    // store, keys rotated in by another process are known after this sealer's next seal.)
    Result<SecureBytes> open(const SealedRecord& record) const;

    // Without a store: makes `next` the current key (fresh count) and retires the old one; refuses
    // a key id already in use or retired (the same id would restart the same key's count).
    Status rotate(DataKey next);
    // With a store: a new current key in the store; returns its id.
    Result<std::string> rotate();

    // Adds a key that only opens (records sealed before a restart under an older key id).
    Status add_retired(DataKey retired);

    [[nodiscard]] std::string current_key_id() const;
    [[nodiscard]] std::uint64_t sealed_with_current_key() const;
    [[nodiscard]] std::uint64_t remaining_for_current_key() const;

private:
    [[nodiscard]] bool knows_id(const std::string& id) const;
    Status load_from_store();                  // adopt the store's current key, retire ours
    Status make_room_to_seal();                // store mode: follow rotations, reserve, rotate
    Result<std::string> rotate_store_locked();

    mutable std::mutex mutex_;  // the runtime seals while a maintenance thread may open or rotate
    KeyStore* store_ = nullptr;
    std::uint64_t store_rotations_ = 0;
    DataKey current_;
    std::uint64_t next_count_ = 0;  // the count the next seal uses
    std::uint64_t count_end_ = 0;   // first count not available (limit, or end of the reserved block)
    std::uint64_t seal_limit_ = kGcmRandomIvLimit;
    std::map<std::string, RetiredKey, std::less<>> retired_;
};

}  // namespace kiosk::security
