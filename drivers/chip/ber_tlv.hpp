// BER-TLV (ISO/IEC 8825-1 as profiled by EMV Book 3 Annex B and ISO 7816-4): the encoding of
// everything an EMV chip answers. The parser takes bytes from the card, so it trusts nothing:
// every failure names the offset where the input went wrong, and nothing is read past the buffer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/bytes.hpp"
#include "common/result.hpp"

namespace kiosk::drivers::chip {

// Carried in Error::native_code with domain "ber-tlv".
enum class TlvError : std::uint8_t {
    truncatedTag = 1,    // the buffer ends inside a tag
    tagTooLong,          // more than 4 tag bytes (EMV tags have at most 3)
    truncatedLength,     // the buffer ends inside a length field
    indefiniteLength,    // 0x80: allowed in BER, forbidden in EMV and ISO 7816
    lengthFieldTooLong,  // 0x85 and up: more than 4 length bytes
    valueOverrun,        // the length runs past the end of its enclosing buffer
    tooDeep,             // constructed objects nested past max_tlv_depth
};

inline constexpr std::string_view tlv_error_domain = "ber-tlv";
inline constexpr std::size_t max_tlv_depth = 16;  // EMV uses 3; the bound stops stack exhaustion

std::string_view to_string(TlvError error);
std::optional<TlvError> tlv_error_of(const Error& error);

// A tag as its bytes read big-endian: 0x5A, 0x9F38, 0x5F24, 0xBF0C.
using TlvTag = std::uint32_t;

// True for a constructed tag (bit 6 of the first tag byte): its value is itself BER-TLV.
bool is_constructed(TlvTag tag);

struct TlvObject {
    TlvTag tag = 0;
    Bytes value;                     // the raw value bytes (also for constructed objects)
    std::vector<TlvObject> children; // parsed value of a constructed object; empty when primitive
    std::size_t offset = 0;          // where the tag starts in the outermost buffer

    // The first object with `tag` at any depth (depth-first, in order), or nullptr.
    [[nodiscard]] const TlvObject* find(TlvTag wanted) const;
};

// Parses a sequence of TLV objects filling `bytes`, descending into constructed ones. 0x00
// bytes between objects are padding (EMV Book 3 Annex B) and skipped.
Result<std::vector<TlvObject>> parse_ber_tlv(ByteView bytes);

// The first object with `tag` in `objects` at any depth, or nullptr.
const TlvObject* find_tlv(const std::vector<TlvObject>& objects, TlvTag tag);

// One tag or length read at `offset` in `bytes` (the pieces of the parser, also used to read DOLs).
struct TlvHeaderPart {
    std::uint32_t value = 0;
    std::size_t size = 0;  // bytes consumed
};
Result<TlvHeaderPart> read_tlv_tag(ByteView bytes, std::size_t offset);
Result<TlvHeaderPart> read_tlv_length(ByteView bytes, std::size_t offset);

// The tag's bytes (no leading zero bytes) and their hex form, "9F38", for messages.
Bytes encode_tag(TlvTag tag);
std::string tag_name(TlvTag tag);

// Encodes one object: the tag's bytes, the shortest length form, the value.
Bytes encode_tlv(TlvTag tag, ByteView value);

}  // namespace kiosk::drivers::chip
