// BER-TLV parser and encoder (see ber_tlv.hpp).
#include "drivers/chip/ber_tlv.hpp"

#include <string>

namespace kiosk::drivers::chip {
namespace {

constexpr std::size_t max_tag_bytes = 4;
constexpr std::size_t max_length_bytes = 4;

Error tlv_error(TlvError code, const std::string& what, std::size_t offset) {
    return make_error(std::string(tlv_error_domain), what + " at offset " + std::to_string(offset),
                      static_cast<int>(code));
}

Status parse_range(ByteView bytes, std::size_t begin, std::size_t end, std::size_t depth,
                   std::vector<TlvObject>& out) {
    std::size_t at = begin;
    while (at < end) {
        if (bytes[at] == 0x00) {  // inter-object padding
            ++at;
            continue;
        }
        const std::size_t start = at;
        auto tag = read_tlv_tag(bytes.first(end), at);
        if (!tag) return tag.error();
        at += tag->size;
        auto length = read_tlv_length(bytes.first(end), at);
        if (!length) return length.error();
        at += length->size;
        if (length->value > end - at) {
            return tlv_error(TlvError::valueOverrun,
                             "length " + std::to_string(length->value) + " of tag " + tag_name(tag->value) +
                                 " runs " + std::to_string(length->value - (end - at)) +
                                 " bytes past the end of its buffer",
                             start);
        }
        TlvObject object;
        object.tag = tag->value;
        object.offset = start;
        object.value.assign(bytes.begin() + static_cast<std::ptrdiff_t>(at),
                            bytes.begin() + static_cast<std::ptrdiff_t>(at + length->value));
        if (is_constructed(object.tag)) {
            if (depth + 1 >= max_tlv_depth) {
                return tlv_error(TlvError::tooDeep,
                                 "constructed objects nested deeper than " + std::to_string(max_tlv_depth),
                                 start);
            }
            KIOSK_TRY(parse_range(bytes, at, at + length->value, depth + 1, object.children));
        }
        at += length->value;
        out.push_back(std::move(object));
    }
    return ok_status();
}

}  // namespace

std::string_view to_string(TlvError error) {
    switch (error) {
        case TlvError::truncatedTag: return "truncatedTag";
        case TlvError::tagTooLong: return "tagTooLong";
        case TlvError::truncatedLength: return "truncatedLength";
        case TlvError::indefiniteLength: return "indefiniteLength";
        case TlvError::lengthFieldTooLong: return "lengthFieldTooLong";
        case TlvError::valueOverrun: return "valueOverrun";
        case TlvError::tooDeep: return "tooDeep";
    }
    return "unknown";
}

std::optional<TlvError> tlv_error_of(const Error& error) {
    if (error.domain != tlv_error_domain) return std::nullopt;
    if (error.native_code < 1 || error.native_code > static_cast<int>(TlvError::tooDeep)) return std::nullopt;
    return static_cast<TlvError>(error.native_code);
}

bool is_constructed(TlvTag tag) {
    TlvTag first = tag;
    while (first > 0xFF) first >>= 8;
    return (first & 0x20U) != 0;
}

Result<TlvHeaderPart> read_tlv_tag(ByteView bytes, std::size_t offset) {
    if (offset >= bytes.size()) return tlv_error(TlvError::truncatedTag, "tag missing", offset);
    TlvHeaderPart tag{bytes[offset], 1};
    if ((bytes[offset] & 0x1FU) != 0x1FU) return tag;  // single-byte tag
    // Subsequent bytes follow while bit 8 is set (ISO/IEC 8825-1 §8.1.2.4).
    while (true) {
        const std::size_t at = offset + tag.size;
        if (at >= bytes.size()) return tlv_error(TlvError::truncatedTag, "tag cut short", offset);
        if (tag.size == max_tag_bytes) {
            return tlv_error(TlvError::tagTooLong, "tag longer than 4 bytes", offset);
        }
        tag.value = (tag.value << 8U) | bytes[at];
        ++tag.size;
        if ((bytes[at] & 0x80U) == 0) return tag;
    }
}

Result<TlvHeaderPart> read_tlv_length(ByteView bytes, std::size_t offset) {
    if (offset >= bytes.size()) return tlv_error(TlvError::truncatedLength, "length missing", offset);
    const std::uint8_t first = bytes[offset];
    if (first < 0x80) return TlvHeaderPart{first, 1};
    if (first == 0x80) {
        return tlv_error(TlvError::indefiniteLength, "indefinite length (0x80) not allowed", offset);
    }
    const std::size_t count = first & 0x7FU;
    if (count > max_length_bytes) {
        return tlv_error(TlvError::lengthFieldTooLong,
                         "length field of " + std::to_string(count) + " bytes (at most 4)", offset);
    }
    if (count > bytes.size() - offset - 1) {
        return tlv_error(TlvError::truncatedLength, "length field cut short", offset);
    }
    TlvHeaderPart length{0, 1 + count};
    for (std::size_t i = 1; i <= count; ++i) length.value = (length.value << 8U) | bytes[offset + i];
    return length;
}

Result<std::vector<TlvObject>> parse_ber_tlv(ByteView bytes) {
    std::vector<TlvObject> objects;
    KIOSK_TRY(parse_range(bytes, 0, bytes.size(), 0, objects));
    return objects;
}

const TlvObject* TlvObject::find(TlvTag wanted) const {
    if (tag == wanted) return this;
    return find_tlv(children, wanted);
}

const TlvObject* find_tlv(const std::vector<TlvObject>& objects, TlvTag tag) {
    for (const auto& object : objects) {
        if (const TlvObject* found = object.find(tag)) return found;
    }
    return nullptr;
}

Bytes encode_tag(TlvTag tag) {
    Bytes out;
    bool started = false;
    for (int shift = 24; shift >= 0; shift -= 8) {
        const auto byte = static_cast<std::uint8_t>(tag >> static_cast<unsigned>(shift));
        if (byte != 0 || started || shift == 0) {
            out.push_back(byte);
            started = true;
        }
    }
    return out;
}

std::string tag_name(TlvTag tag) { return to_hex(encode_tag(tag)); }

Bytes encode_tlv(TlvTag tag, ByteView value) {
    Bytes out = encode_tag(tag);
    const std::size_t size = value.size();
    if (size < 0x80) {
        out.push_back(static_cast<std::uint8_t>(size));
    } else if (size <= 0xFF) {
        out.push_back(0x81);
        out.push_back(static_cast<std::uint8_t>(size));
    } else if (size <= 0xFFFF) {
        out.push_back(0x82);
        out.push_back(static_cast<std::uint8_t>(size >> 8U));
        out.push_back(static_cast<std::uint8_t>(size));
    } else {
        out.push_back(0x83);
        out.push_back(static_cast<std::uint8_t>(size >> 16U));
        out.push_back(static_cast<std::uint8_t>(size >> 8U));
        out.push_back(static_cast<std::uint8_t>(size));
    }
    out.insert(out.end(), value.begin(), value.end());
    return out;
}

}  // namespace kiosk::drivers::chip
