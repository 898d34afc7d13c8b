// Data key wrapping with HPKE (see data_key_wrap.hpp).
#include "security/data_key_wrap.hpp"

#include "security/aes_gcm.hpp"

namespace kiosk::security {
namespace {

void append_field(Bytes& out, std::string_view text) {
    const auto size = static_cast<std::uint32_t>(text.size());
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(size >> shift));
    out.insert(out.end(), text.begin(), text.end());
}

ByteView info() {
    return {reinterpret_cast<const std::uint8_t*>(kDataKeyWrapInfo.data()), kDataKeyWrapInfo.size()};
}

}  // namespace

Bytes data_key_wrap_aad(std::string_view data_key_id, std::string_view crm_key_id) {
    Bytes aad;
    aad.reserve(8 + data_key_id.size() + crm_key_id.size());
    append_field(aad, data_key_id);
    append_field(aad, crm_key_id);
    return aad;
}

Result<WrappedDataKey> wrap_data_key(const CrmPublicKey& crm_key, const DataKey& data_key, RandomSource& random) {
    KIOSK_TRY(check_data_key(data_key));
    auto sealed = hpke::seal_base(kDataKeyWrapAead, crm_key.bytes, info(), data_key_wrap_aad(data_key.id, crm_key.id),
                                  data_key.bytes.view(), random);
    if (!sealed) {
        return make_error(sealed.error().domain, "wrapping data key '" + data_key.id + "' to CRM key '" + crm_key.id +
                                                     "': " + sealed.error().message);
    }
    return WrappedDataKey{data_key.id, crm_key.id, std::move(sealed->enc), std::move(sealed->ciphertext)};
}

Result<SecureBytes> unwrap_data_key(const CrmPrivateKey& crm_key, const WrappedDataKey& wrap) {
    if (wrap.crm_key_id != crm_key.id()) {
        return make_error("security", "data key '" + wrap.data_key_id + "' is wrapped to CRM key '" + wrap.crm_key_id +
                                          "', not '" + crm_key.id() + "'");
    }
    auto key = hpke::open_base(kDataKeyWrapAead, crm_key.bytes(), wrap.enc, info(),
                               data_key_wrap_aad(wrap.data_key_id, wrap.crm_key_id), wrap.wrapped);
    if (!key) return key.error();
    if (key->size() != kAes256KeySize) {
        return make_error("security", "data key '" + wrap.data_key_id + "' unwrapped to " +
                                          std::to_string(key->size()) + " bytes, expected 32");
    }
    return key;
}

}  // namespace kiosk::security
