#include "host/iso8583/iso8583_codec.hpp"

#include <array>
#include <cstdint>
#include <string>

#include "host/iso8583/iso8583_fields.hpp"

namespace kiosk::host::iso8583 {

namespace {

constexpr std::size_t kMtiSize = 4;
constexpr std::size_t kBitmapSize = 8;
constexpr int kSecondaryBitmapBit = 1;

Error field_error(const FieldSpec& spec, const std::string& what) {
    return make_error("iso8583", "field " + std::to_string(spec.number) + " (" + std::string(spec.name) + "): " + what);
}

std::size_t prefix_digits(LengthKind kind) {
    switch (kind) {
        case LengthKind::Fixed: return 0;
        case LengthKind::LlVar: return 2;
        case LengthKind::LllVar: return 3;
    }
    return 0;
}

bool allowed(Content content, unsigned char c) {
    switch (content) {
        case Content::Numeric: return c >= '0' && c <= '9';
        case Content::AlphaNumeric:
            return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ';
        case Content::AlphaNumericSpecial: return c >= 0x20 && c < 0x7F;
        case Content::Binary: return true;
    }
    return false;
}

// Checks a value against its spec; the message gives the position, never the character.
Status check_value(const FieldSpec& spec, std::string_view value) {
    if (spec.length == LengthKind::Fixed && value.size() != spec.max_length) {
        return field_error(spec, "length " + std::to_string(value.size()) + ", must be exactly " +
                                     std::to_string(spec.max_length));
    }
    if (value.size() > spec.max_length) {
        return field_error(spec, "length " + std::to_string(value.size()) + " exceeds the maximum " +
                                     std::to_string(spec.max_length));
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (!allowed(spec.content, static_cast<unsigned char>(value[i]))) {
            return field_error(spec, "character at position " + std::to_string(i + 1) + " is not allowed in an " +
                                         std::string(content_name(spec.content)) + " field");
        }
    }
    return ok_status();
}

std::string zero_padded(std::size_t value, std::size_t digits) {
    std::string text = std::to_string(value);
    return std::string(digits - text.size(), '0') + text;
}

// Reads forward through the wire bytes; every take() checks what is left first.
class Reader {
public:
    explicit Reader(ByteView wire) : wire_(wire) {}
    [[nodiscard]] std::size_t left() const { return wire_.size() - position_; }
    ByteView take(std::size_t count) {
        const ByteView part = wire_.subspan(position_, count);
        position_ += count;
        return part;
    }

private:
    ByteView wire_;
    std::size_t position_ = 0;
};

Status decode_field(const FieldSpec& spec, Reader& reader, Message& message) {
    std::size_t length = spec.max_length;
    const std::size_t digits = prefix_digits(spec.length);
    if (digits != 0) {
        if (reader.left() < digits) {
            return field_error(spec, "truncated: the " + std::to_string(digits) + "-digit length prefix needs " +
                                         std::to_string(digits) + " bytes, " + std::to_string(reader.left()) +
                                         " left");
        }
        length = 0;
        for (const std::uint8_t c : reader.take(digits)) {
            if (c < '0' || c > '9') return field_error(spec, "length prefix is not decimal digits");
            length = length * 10 + static_cast<std::size_t>(c - '0');
        }
        if (length > spec.max_length) {
            return field_error(spec, "length " + std::to_string(length) + " exceeds the maximum " +
                                         std::to_string(spec.max_length));
        }
    }
    if (reader.left() < length) {
        return field_error(spec, "truncated: needs " + std::to_string(length) + " bytes, " +
                                     std::to_string(reader.left()) + " left");
    }
    const ByteView bytes = reader.take(length);
    SecureString value = secure_text_of(bytes);
    KIOSK_TRY(check_value(spec, value.view()));
    message.set(spec.number, std::move(value));
    return ok_status();
}

}  // namespace

Result<SecureBytes> encode(const Message& message) {
    std::array<std::uint8_t, 2 * kBitmapSize> bitmap{};
    bool secondary = false;
    std::size_t field_bytes = 0;  // the wire buffer is sized once: a SecureBytes never grows
    for (const auto& [number, value] : message.fields()) {
        if (number <= kSecondaryBitmapBit || number > 128) {
            return make_error("iso8583", "field " + std::to_string(number) + " cannot be carried (fields are 2–128)");
        }
        const FieldSpec* spec = field_spec(number);
        if (spec == nullptr) {
            return make_error("iso8583", "field " + std::to_string(number) + " is not defined in this host dialect");
        }
        KIOSK_TRY(check_value(*spec, value.view()));
        field_bytes += prefix_digits(spec->length) + value.size();
        const auto bit = static_cast<std::size_t>(number - 1);
        bitmap[bit / 8] = static_cast<std::uint8_t>(bitmap[bit / 8] | (0x80U >> (bit % 8)));
        if (number > 64) secondary = true;
    }
    if (secondary) bitmap[0] = static_cast<std::uint8_t>(bitmap[0] | 0x80U);

    const std::size_t bitmap_bytes = secondary ? 2 * kBitmapSize : kBitmapSize;
    SecureBytes wire(kMtiSize + bitmap_bytes + field_bytes);
    std::uint8_t* out = wire.data();
    const auto put = [&out](auto first, auto last) {
        for (; first != last; ++first) *out++ = static_cast<std::uint8_t>(*first);
    };
    const std::string mti = mti_text(message.mti());
    put(mti.begin(), mti.end());
    put(bitmap.begin(), bitmap.begin() + static_cast<std::ptrdiff_t>(bitmap_bytes));
    for (const auto& [number, value] : message.fields()) {
        const FieldSpec& spec = *field_spec(number);
        const std::size_t digits = prefix_digits(spec.length);
        if (digits != 0) {
            const std::string prefix = zero_padded(value.size(), digits);
            put(prefix.begin(), prefix.end());
        }
        put(value.begin(), value.end());
    }
    return wire;
}

Result<Message> decode(ByteView wire) {
    Reader reader(wire);
    if (reader.left() < kMtiSize + kBitmapSize) {
        return make_error("iso8583", "truncated: " + std::to_string(wire.size()) +
                                         " bytes cannot hold the MTI and the primary bitmap (12)");
    }
    const ByteView mti_bytes = reader.take(kMtiSize);
    auto mti = parse_mti(std::string_view(reinterpret_cast<const char*>(mti_bytes.data()), mti_bytes.size()));
    if (!mti.ok()) return mti.error();

    std::array<std::uint8_t, 2 * kBitmapSize> bitmap{};
    const ByteView primary = reader.take(kBitmapSize);
    std::copy(primary.begin(), primary.end(), bitmap.begin());
    const bool secondary = (bitmap[0] & 0x80U) != 0;
    if (secondary) {
        if (reader.left() < kBitmapSize) {
            return make_error("iso8583", "truncated: bit 1 announces a secondary bitmap but only " +
                                             std::to_string(reader.left()) + " bytes follow");
        }
        const ByteView second = reader.take(kBitmapSize);
        std::copy(second.begin(), second.end(), bitmap.begin() + kBitmapSize);
        if ((bitmap[kBitmapSize] & 0x80U) != 0) {
            return make_error("iso8583", "bad bitmap: bit 65 announces a tertiary bitmap, which 1987 does not have");
        }
        bool any = false;
        for (std::size_t i = kBitmapSize; i < bitmap.size(); ++i) any = any || bitmap[i] != 0;
        if (!any) return make_error("iso8583", "bad bitmap: bit 1 announces a secondary bitmap that names no field");
    }

    Message message(*mti);
    const int last_field = secondary ? 128 : 64;
    for (int number = 2; number <= last_field; ++number) {
        const auto bit = static_cast<std::size_t>(number - 1);
        if ((bitmap[bit / 8] & (0x80U >> (bit % 8))) == 0) continue;
        const FieldSpec* spec = field_spec(number);
        if (spec == nullptr) {
            return make_error("iso8583", "bad bitmap: names field " + std::to_string(number) +
                                             ", which this host dialect does not define");
        }
        if (auto decoded = decode_field(*spec, reader, message); !decoded.ok()) return decoded.error();
    }
    if (reader.left() != 0) {
        return make_error("iso8583", std::to_string(reader.left()) + " bytes follow the last field the bitmap names");
    }
    return message;
}

}  // namespace kiosk::host::iso8583
