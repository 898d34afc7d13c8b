// RecordSealer: current key, encryption budget, retired keys, key store (see record_sealer.hpp).
#include "security/record_sealer.hpp"

#include <stdexcept>
#include <utility>

namespace kiosk::security {

RecordSealer::RecordSealer(DataKey current, std::uint64_t seal_limit, std::uint64_t already_sealed)
    : current_(std::move(current)), next_count_(already_sealed), count_end_(seal_limit), seal_limit_(seal_limit) {
    if (const auto valid = check_data_key(current_); !valid) throw std::runtime_error(valid.error().to_string());
    if (seal_limit_ > kGcmRandomIvLimit) {
        throw std::runtime_error("record sealer: seal limit " + std::to_string(seal_limit_) +
                                 " exceeds 2^32 - 1 (random-IV GCM bound)");
    }
}

RecordSealer::RecordSealer(KeyStore& store) : store_(&store) {
    const std::lock_guard lock(mutex_);
    if (const auto loaded = load_from_store(); !loaded) throw std::runtime_error(loaded.error().to_string());
}

Status RecordSealer::load_from_store() {
    auto keys = store_->keys();
    if (!keys) return keys.error();
    const bool rotated = current_.id != keys->current.id;
    for (DataKey& retired : keys->retired) {
        std::string id = retired.id;
        if (id != current_.id && !retired_.contains(id)) retired_.emplace(std::move(id), RetiredKey(std::move(retired)));
    }
    if (rotated) {
        if (!current_.id.empty()) {
            std::string old_id = current_.id;
            retired_.insert_or_assign(std::move(old_id), RetiredKey(std::exchange(current_, DataKey{})));
        }
        current_ = std::move(keys->current);
        // No counts until the store reserves a block for this key (see key_store.hpp).
        next_count_ = 0;
        count_end_ = 0;
    }
    store_rotations_ = keys->rotations;
    return ok_status();
}

Result<std::string> RecordSealer::rotate_store_locked() {
    auto id = store_->rotate();
    if (!id) return id.error();
    KIOSK_TRY(load_from_store());
    return id;
}

Status RecordSealer::make_room_to_seal() {
    // A rotation by another process (kioskctl) is adopted before this seal, so a key retired there
    // does not seal here again.
    auto rotations = store_->rotations();
    if (!rotations) return rotations.error();
    if (*rotations != store_rotations_) KIOSK_TRY(load_from_store());
    // Two rounds at most: a reservation may find the key spent (rotate, reserve again) or find that
    // another process rotated between our check and our reservation (reload, reserve again).
    for (int attempt = 0; attempt < 3 && next_count_ >= count_end_; ++attempt) {
        auto window = store_->reserve();
        if (!window) return window.error();
        if (window->key_id != current_.id) {
            KIOSK_TRY(load_from_store());
            continue;
        }
        if (window->begin == window->end) {
            auto rotated = rotate_store_locked();
            if (!rotated) return rotated.error();
            continue;
        }
        next_count_ = window->begin;
        count_end_ = window->end;
    }
    if (next_count_ >= count_end_) {
        return make_error("security", "data key '" + current_.id + "': the key store gave no encryption counts");
    }
    return ok_status();
}

Result<SealedRecord> RecordSealer::seal(RecordHeader header, ByteView plaintext, RandomSource& random) {
    const std::lock_guard lock(mutex_);
    if (store_ != nullptr) {
        KIOSK_TRY(make_room_to_seal());
    } else if (next_count_ >= count_end_) {
        return make_error("security", "data key '" + current_.id + "' reached its limit of " +
                                          std::to_string(seal_limit_) + " encryptions; rotate the data key");
    }
    // Counted before sealing: a failed attempt may still have consumed an IV.
    ++next_count_;
    return security::seal(current_, std::move(header), plaintext, random);
}

Result<SecureBytes> RecordSealer::open(const SealedRecord& record) const {
    const std::lock_guard lock(mutex_);
    const std::string& key_id = record.header.key_id;
    if (key_id == current_.id) return security::open(current_, record);
    const auto found = retired_.find(key_id);
    if (found == retired_.end()) {
        return make_error("security", "record " + record.header.record_id + " was sealed with unknown key '" +
                                          key_id + "'");
    }
    return found->second.open(record);
}

Status RecordSealer::rotate(DataKey next) {
    KIOSK_TRY(check_data_key(next));
    const std::lock_guard lock(mutex_);
    if (store_ != nullptr) return make_error("security", "this sealer's keys come from the key store; use rotate()");
    if (knows_id(next.id)) {
        return make_error("security", "data key id '" + next.id + "' was already used; pick a new id");
    }
    std::string old_id = current_.id;
    retired_.emplace(std::move(old_id), RetiredKey(std::exchange(current_, std::move(next))));
    next_count_ = 0;
    count_end_ = seal_limit_;
    return ok_status();
}

Result<std::string> RecordSealer::rotate() {
    const std::lock_guard lock(mutex_);
    if (store_ == nullptr) return make_error("security", "this sealer has no key store; use rotate(DataKey)");
    return rotate_store_locked();
}

Status RecordSealer::add_retired(DataKey retired) {
    KIOSK_TRY(check_data_key(retired));
    const std::lock_guard lock(mutex_);
    if (knows_id(retired.id)) return make_error("security", "data key id '" + retired.id + "' is already loaded");
    std::string id = retired.id;
    retired_.emplace(std::move(id), RetiredKey(std::move(retired)));
    return ok_status();
}

std::string RecordSealer::current_key_id() const {
    const std::lock_guard lock(mutex_);
    return current_.id;
}

std::uint64_t RecordSealer::sealed_with_current_key() const {
    const std::lock_guard lock(mutex_);
    return next_count_;
}

std::uint64_t RecordSealer::remaining_for_current_key() const {
    const std::lock_guard lock(mutex_);
    const std::uint64_t limit = store_ != nullptr ? kGcmRandomIvLimit : seal_limit_;
    return next_count_ >= limit ? 0 : limit - next_count_;
}

bool RecordSealer::knows_id(const std::string& id) const { return id == current_.id || retired_.contains(id); }

}  // namespace kiosk::security
