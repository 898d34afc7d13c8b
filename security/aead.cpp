// Record sealing over AES-256-GCM (see aead.hpp).
#include "security/aead.hpp"

#include <string_view>

#include "security/aes_gcm.hpp"

namespace kiosk::security {

namespace {

// Header fields are ids and short labels; a generous cap keeps every length prefix in
// header_aad exact (u32) and rejects garbage early.
constexpr std::size_t kMaxHeaderField = 4096;

Status check_header(const RecordHeader& header) {
    for (const std::string_view field : {std::string_view(header.record_id), std::string_view(header.kind),
                                         std::string_view(header.kiosk_id), std::string_view(header.key_id)}) {
        if (field.size() > kMaxHeaderField) return make_error("security", "record header field longer than 4096 bytes");
    }
    return ok_status();
}

}  // namespace

Status check_data_key(const DataKey& key) {
    if (key.id.empty()) return make_error("security", "data key has no id");
    if (key.bytes.size() != kAes256KeySize) {
        return make_error("security", "data key '" + key.id + "' must be 32 bytes, has " +
                                          std::to_string(key.bytes.size()));
    }
    return ok_status();
}

Result<SealedRecord> seal(const DataKey& key, RecordHeader header, ByteView plaintext, RandomSource& random) {
    KIOSK_TRY(check_data_key(key));
    header.key_id = key.id;
    KIOSK_TRY(check_header(header));

    SealedRecord record;
    record.iv.resize(kGcmIvSize);
    random.fill(record.iv);
    auto sealed = aes256_gcm_encrypt(key.bytes.view(), record.iv, header_aad(header), plaintext);
    if (!sealed) return sealed.error();
    record.header = std::move(header);
    record.ciphertext = std::move(sealed->ciphertext);
    record.tag = std::move(sealed->tag);
    return record;
}

Result<SecureBytes> open(const DataKey& key, const SealedRecord& record) {
    KIOSK_TRY(check_data_key(key));
    const std::string& record_id = record.header.record_id;
    if (record.header.key_id != key.id) {
        return make_error("security", "record " + record_id + " was sealed with key '" + record.header.key_id +
                                          "', not '" + key.id + "'");
    }
    if (record.iv.size() != kGcmIvSize) {
        return make_error("security", "record " + record_id + " has a " + std::to_string(record.iv.size()) +
                                          "-byte IV, expected 12");
    }
    if (record.tag.size() != kGcmTagSize) {
        return make_error("security", "record " + record_id + " has a " + std::to_string(record.tag.size()) +
                                          "-byte tag, expected 16");
    }
    KIOSK_TRY(check_header(record.header));
    auto plaintext =
        aes256_gcm_decrypt(key.bytes.view(), record.iv, header_aad(record.header), record.ciphertext, record.tag);
    if (!plaintext) {
        if (plaintext.error().domain == "openssl") return plaintext.error();
        return make_error("security", "record " + record_id + " failed authentication (altered header, IV, "
                                      "ciphertext or tag, or a different key)");
    }
    return std::move(*plaintext);
}

}  // namespace kiosk::security
