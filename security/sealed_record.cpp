// The AAD encoding of a record header (see sealed_record.hpp).
#include "security/sealed_record.hpp"

#include <string_view>

namespace kiosk::security {

namespace {

// Bump when the layout changes, so an old reader fails to authenticate instead of misreading.
constexpr std::uint8_t kHeaderAadVersion = 1;

void append_u32(Bytes& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(value >> shift));
}

void append_u64(Bytes& out, std::uint64_t value) {
    for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(value >> shift));
}

// Length prefix (u32 big-endian) then the bytes: the prefix is what makes the encoding injective
// ("ab"+"c" and "a"+"bc" differ).
void append_field(Bytes& out, std::string_view text) {
    append_u32(out, static_cast<std::uint32_t>(text.size()));
    out.insert(out.end(), text.begin(), text.end());
}

}  // namespace

Bytes header_aad(const RecordHeader& header) {
    Bytes out;
    out.reserve(1 + 6 * 4 + header.record_id.size() + header.kind.size() + header.kiosk_id.size() +
                header.key_id.size() + 4 + 8);
    out.push_back(kHeaderAadVersion);
    append_field(out, header.record_id);
    append_field(out, header.kind);
    append_field(out, header.kiosk_id);
    append_field(out, header.key_id);
    append_u32(out, 4);
    append_u32(out, header.schema_version);
    append_u32(out, 8);
    append_u64(out, static_cast<std::uint64_t>(header.created_unix_ms));
    return out;
}

}  // namespace kiosk::security
