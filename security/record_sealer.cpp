// RecordSealer: current key, encryption budget, retired keys (see record_sealer.hpp).
#include "security/record_sealer.hpp"

#include <stdexcept>
#include <utility>


namespace kiosk::security {

RecordSealer::RecordSealer(DataKey current, std::uint64_t seal_limit, std::uint64_t already_sealed)
    : current_(std::move(current)), seal_limit_(seal_limit), sealed_(already_sealed) {
    if (const auto valid = check_data_key(current_); !valid) throw std::runtime_error(valid.error().to_string());
    if (seal_limit_ > kGcmRandomIvLimit) {
        throw std::runtime_error("record sealer: seal limit " + std::to_string(seal_limit_) +
                                 " exceeds 2^32 - 1 (random-IV GCM bound)");
    }
}

Result<SealedRecord> RecordSealer::seal(RecordHeader header, ByteView plaintext, RandomSource& random) {
    const std::lock_guard lock(mutex_);
    if (sealed_ >= seal_limit_) {
        return make_error("security", "data key '" + current_.id + "' reached its limit of " +
                                          std::to_string(seal_limit_) + " encryptions; rotate the data key");
    }
    // Counted before sealing: a failed attempt may still have consumed an IV.
    ++sealed_;
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
    return security::open(found->second, record);
}

Status RecordSealer::rotate(DataKey next) {
    KIOSK_TRY(check_data_key(next));
    const std::lock_guard lock(mutex_);
    if (knows_id(next.id)) {
        return make_error("security", "data key id '" + next.id + "' was already used; pick a new id");
    }
    std::string old_id = current_.id;
    retired_.emplace(std::move(old_id), std::exchange(current_, std::move(next)));
    sealed_ = 0;
    return ok_status();
}

Status RecordSealer::add_retired(DataKey retired) {
    KIOSK_TRY(check_data_key(retired));
    const std::lock_guard lock(mutex_);
    if (knows_id(retired.id)) return make_error("security", "data key id '" + retired.id + "' is already loaded");
    std::string id = retired.id;
    retired_.emplace(std::move(id), std::move(retired));
    return ok_status();
}

std::string RecordSealer::current_key_id() const {
    const std::lock_guard lock(mutex_);
    return current_.id;
}

std::uint64_t RecordSealer::sealed_with_current_key() const {
    const std::lock_guard lock(mutex_);
    return sealed_;
}

std::uint64_t RecordSealer::remaining_for_current_key() const {
    const std::lock_guard lock(mutex_);
    return sealed_ >= seal_limit_ ? 0 : seal_limit_ - sealed_;
}

bool RecordSealer::knows_id(const std::string& id) const {
    return id == current_.id || retired_.contains(id);
}

}  // namespace kiosk::security
