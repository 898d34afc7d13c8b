// CrmRecordSealer: data key per period, wrapped to the CRM, persisted before use (see the header).
#include "security/crm_record_sealer.hpp"

#include <array>
#include <stdexcept>

#include "security/aes_gcm.hpp"

namespace kiosk::security {
namespace {

// "crm-dk-" and 32 hex digits: 128 random bits, so ids of different kiosks never collide at the CRM.
std::string new_data_key_id(RandomSource& random) {
    std::array<std::uint8_t, 16> bytes{};
    random.fill(bytes);
    std::string hex = to_hex(bytes);
    for (char& c : hex) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return "crm-dk-" + hex;
}

}  // namespace

CrmRecordSealer::CrmRecordSealer(CrmSealerConfig config, WrappedKeyStore& store, const Clock& clock)
    : config_(std::move(config)), store_(store), clock_(clock) {
    if (auto valid = check_crm_public_key_set(config_.crm_keys); !valid) {
        throw std::runtime_error("CRM record sealer: " + valid.error().message);
    }
    if (config_.key_period <= Millis{0}) throw std::runtime_error("CRM record sealer: the data key period must be positive");
    if (config_.seal_limit > kGcmRandomIvLimit) {
        throw std::runtime_error("CRM record sealer: seal limit " + std::to_string(config_.seal_limit) +
                                 " exceeds 2^32 - 1 (random-IV GCM bound)");
    }
}

bool CrmRecordSealer::needs_new_key(TimePoint now) const {
    if (!current_) return true;
    if (sealed_ >= config_.seal_limit) return true;
    // A clock set back makes the period unmeasurable: start a new one rather than keep the key.
    return now < created_ || now - created_ >= config_.key_period;
}

Status CrmRecordSealer::make_data_key(TimePoint now, RandomSource& random) {
    DataKey key{new_data_key_id(random), SecureBytes(kAes256KeySize)};
    random.fill(key.bytes.span());
    NewDataKey persisted{key.id, to_unix_millis(now), {}};
    for (const CrmPublicKey& crm_key : config_.crm_keys) {
        auto wrap = wrap_data_key(crm_key, key, random);
        if (!wrap) return wrap.error();
        persisted.wraps.push_back(std::move(*wrap));
    }
    if (auto stored = store_.persist(persisted); !stored) {
        return make_error(stored.error().domain, "data key '" + key.id + "': cannot persist its wrapped keys: " +
                                                     stored.error().message, stored.error().native_code);
    }
    // The old key's bytes are wiped as it is replaced (SecureBytes).
    current_ = std::move(key);
    created_ = now;
    sealed_ = 0;
    return ok_status();
}

Result<SealedRecord> CrmRecordSealer::seal(RecordHeader header, ByteView plaintext, RandomSource& random) {
    const std::lock_guard lock(mutex_);
    const TimePoint now = clock_.now();
    if (needs_new_key(now)) KIOSK_TRY(make_data_key(now, random));
    // Counted before sealing: a failed attempt may still have consumed an IV.
    ++sealed_;
    return security::seal(*current_, std::move(header), plaintext, random);
}

std::string CrmRecordSealer::current_data_key_id() const {
    const std::lock_guard lock(mutex_);
    return current_ ? current_->id : std::string();
}

std::uint64_t CrmRecordSealer::sealed_with_current_key() const {
    const std::lock_guard lock(mutex_);
    return sealed_;
}

}  // namespace kiosk::security
