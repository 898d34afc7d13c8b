// RecordOpener: wrap lookup, unwrap, open, cache (see record_opener.hpp).
#include "crm/record_opener.hpp"

#include "security/aead.hpp"
#include "security/data_key_wrap.hpp"

namespace kiosk::crm {
namespace {

// A sealed-to CRM can hold the keys of a few thousand kiosk key periods; past that, start over
// rather than grow without bound (each key is one HPKE open to get back).
constexpr std::size_t kMaxCachedKeys = 4096;

Error refused(std::string reason) { return make_error("crm", std::move(reason)); }

Error altered() { return refused("authentication failed (header, wrapped key or ciphertext altered)"); }

}  // namespace

RecordOpener::RecordOpener(std::vector<security::CrmPrivateKey> keys) : keys_(std::move(keys)) {}

const security::CrmPrivateKey* RecordOpener::private_key(const std::string& crm_key_id) const {
    for (const auto& key : keys_) {
        if (key.id() == crm_key_id) return &key;
    }
    return nullptr;
}

Result<security::SecureBytes> RecordOpener::data_key(const UploadBatch& batch, const std::string& data_key_id) {
    std::vector<const security::WrappedDataKey*> wraps;
    for (const auto& wrap : batch.data_keys) {
        if (wrap.data_key_id == data_key_id) wraps.push_back(&wrap);
    }
    if (wraps.empty()) return refused("no wrapped key for data key '" + data_key_id + "'");

    if (const auto cached = cache_.find(data_key_id); cached != cache_.end()) {
        for (const auto* wrap : wraps) {
            if (*wrap == cached->second.wrap) return cached->second.key;
        }
    }
    // During a rotation a batch carries a wrap per CRM key; whichever this CRM holds will do.
    const security::WrappedDataKey* usable = nullptr;
    const security::CrmPrivateKey* key = nullptr;
    for (const auto* wrap : wraps) {
        key = private_key(wrap->crm_key_id);
        if (key != nullptr) {
            usable = wrap;
            break;
        }
    }
    if (usable == nullptr) {
        std::string names;
        for (const auto* wrap : wraps) names += (names.empty() ? "'" : ", '") + wrap->crm_key_id + "'";
        return refused("sealed to unknown CRM key" + std::string(wraps.size() > 1 ? "s " : " ") + names);
    }
    auto unwrapped = security::unwrap_data_key(*key, *usable);
    if (!unwrapped) return altered();
    if (cache_.size() >= kMaxCachedKeys) cache_.clear();
    cache_.insert_or_assign(data_key_id, CachedKey{*usable, *unwrapped});
    return unwrapped;
}

Result<std::string> RecordOpener::open(const UploadBatch& batch, const security::SealedRecord& record) {
    const std::string& data_key_id = record.header.key_id;
    auto key = data_key(batch, data_key_id);
    if (!key) return key.error();
    auto payload = security::open(security::DataKey{data_key_id, std::move(*key)}, record);
    if (!payload) return altered();
    return std::string(reinterpret_cast<const char*>(payload->data()), payload->size());
}

}  // namespace kiosk::crm
