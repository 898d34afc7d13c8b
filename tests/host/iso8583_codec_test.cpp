#include "host/iso8583/iso8583_codec.hpp"

#include <gtest/gtest.h>

#include "host/iso8583/iso8583_fields.hpp"

namespace kiosk::host::iso8583 {
namespace {

constexpr std::string_view kTestPan = "4012888888881881";

Bytes wire_of(std::string_view mti, std::string_view bitmap_hex, std::string_view body) {
    Bytes wire = to_bytes(mti);
    const Bytes bitmap = *from_hex(bitmap_hex);
    wire.insert(wire.end(), bitmap.begin(), bitmap.end());
    wire.insert(wire.end(), body.begin(), body.end());
    return wire;
}

Message echo() {
    Message m(Mti::NetworkRequest);
    m.set(7, "0105090000");
    m.set(11, "000001");
    m.set(41, "KIOSK001");
    m.set(70, "301");
    return m;
}

Message financial() {
    Message m(Mti::FinancialRequest);
    m.set(2, std::string(kTestPan));
    m.set(3, "010000");
    m.set(4, "000000020000");
    m.set(11, "000042");
    m.set(41, "KIOSK001");
    return m;
}

std::string error_of(ByteView wire) {
    auto decoded = decode(wire);
    return decoded.ok() ? std::string("(decoded)") : decoded.error().message;
}

bool mentions(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// The classic 0800 echo: bits 1 (secondary bitmap), 7, 11, 41 and 70.
TEST(Iso8583Codec, EchoRequestHasTheKnownBitmapsAndDecodesBack) {
    const Bytes expected = wire_of("0800", "82200000008000000400000000000000", "0105090000000001KIOSK001301");
    auto wire = encode(echo());
    ASSERT_TRUE(wire.ok()) << wire.error().to_string();
    EXPECT_EQ(to_hex(*wire), to_hex(expected));
    auto decoded = decode(*wire);
    ASSERT_TRUE(decoded.ok()) << decoded.error().to_string();
    EXPECT_TRUE(*decoded == echo());
}

TEST(Iso8583Codec, LlvarPanCarriesItsTwoDigitLength) {
    const Bytes expected = wire_of("0200", "7020000000800000",
                                   std::string("16") + std::string(kTestPan) + "010000000000020000000042KIOSK001");
    auto wire = encode(financial());
    ASSERT_TRUE(wire.ok()) << wire.error().to_string();
    EXPECT_TRUE(*wire == expected);  // card data: compare without printing
    auto decoded = decode(*wire);
    ASSERT_TRUE(decoded.ok()) << decoded.error().to_string();
    EXPECT_TRUE(*decoded == financial());
}

TEST(Iso8583Codec, EveryDefinedFieldRoundTrips) {
    Message m(Mti::AuthorizationResponse);
    for (const FieldSpec& spec : all_field_specs()) {
        std::string value;
        const std::size_t length = spec.length == LengthKind::Fixed ? spec.max_length : spec.max_length / 2 + 1;
        for (std::size_t i = 0; i < length; ++i) {
            switch (spec.content) {
                case Content::Numeric: value += static_cast<char>('0' + i % 10); break;
                case Content::AlphaNumeric: value += (i % 3 == 0) ? ' ' : static_cast<char>('A' + i % 26); break;
                case Content::AlphaNumericSpecial: value += static_cast<char>(0x20 + i % 95); break;
                case Content::Binary: value += static_cast<char>(i * 37 % 256); break;  // includes 0x00
            }
        }
        m.set(spec.number, value);
    }
    auto wire = encode(m);
    ASSERT_TRUE(wire.ok()) << wire.error().to_string();
    auto decoded = decode(*wire);
    ASSERT_TRUE(decoded.ok()) << decoded.error().to_string();
    EXPECT_TRUE(*decoded == m);
    EXPECT_EQ(decoded->fields().size(), all_field_specs().size());
}

TEST(Iso8583Codec, FieldTableIsAscendingAndFindable) {
    int previous = 1;
    for (const FieldSpec& spec : all_field_specs()) {
        EXPECT_GT(spec.number, previous);
        previous = spec.number;
        EXPECT_EQ(field_spec(spec.number), &spec);
    }
    EXPECT_EQ(field_spec(5), nullptr);
    EXPECT_EQ(field_spec(128), nullptr);
}

TEST(Iso8583Codec, EveryTruncationIsRejectedWithoutReadingPastTheEnd) {
    const SecureBytes whole = *encode(financial());
    for (std::size_t size = 0; size < whole.size(); ++size) {
        // A copy of exactly `size` bytes, so ASan sees any read beyond it.
        const Bytes prefix(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(size));
        auto decoded = decode(prefix);
        ASSERT_FALSE(decoded.ok()) << "prefix of " << size << " bytes decoded";
        EXPECT_TRUE(mentions(decoded.error().message, "truncated")) << "prefix " << size;
    }
    // Cut inside field 4: the error names it.
    const std::size_t in_amount = 4 + 8 + 2 + kTestPan.size() + 6 + 5;
    EXPECT_TRUE(mentions(error_of(Bytes(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(in_amount))),
                         "field 4 (amount, transaction): truncated"));
}

TEST(Iso8583Codec, UnknownMtiIsRejected) {
    EXPECT_EQ(error_of(wire_of("0300", "0020000000000000", "000001")), "unknown MTI \"0300\"");
    EXPECT_EQ(error_of(wire_of("12\x01x", "0020000000000000", "000001")), "unknown MTI \"12?x\"");
}

TEST(Iso8583Codec, BadBitmapsAreRejected) {
    // Field 5 is not in this dialect.
    EXPECT_TRUE(mentions(error_of(wire_of("0200", "0800000000000000", "000000000001")), "names field 5"));
    // Bit 65 would announce a tertiary bitmap.
    EXPECT_TRUE(mentions(error_of(wire_of("0800", "80000000000000008400000000000000", "301")), "tertiary"));
    // A secondary bitmap that names nothing.
    EXPECT_TRUE(mentions(error_of(wire_of("0800", "80200000000000000000000000000000", "000001")),
                         "secondary bitmap that names no field"));
    // Secondary bitmap announced but cut off.
    EXPECT_TRUE(mentions(error_of(wire_of("0800", "8020000000000000", "0000")), "secondary bitmap but only 4"));
}

TEST(Iso8583Codec, FieldLongerThanItsMaximumIsRejected) {
    const std::string twenty_digits(20, '4');
    EXPECT_EQ(error_of(wire_of("0200", "4000000000000000", "20" + twenty_digits)),
              "field 2 (primary account number): length 20 exceeds the maximum 19");
    EXPECT_EQ(error_of(wire_of("0210", "0000000000000400", "121" + std::string(121, 'A'))),
              "field 54 (additional amounts): length 121 exceeds the maximum 120");
}

TEST(Iso8583Codec, NonNumericInNumericFieldIsRejected) {
    EXPECT_EQ(error_of(wire_of("0200", "2000000000000000", "01A000")),
              "field 3 (processing code): character at position 3 is not allowed in an n field");
    EXPECT_EQ(error_of(wire_of("0200", "4000000000000000", "1A4012888888881881")),
              "field 2 (primary account number): length prefix is not decimal digits");
    EXPECT_TRUE(mentions(error_of(wire_of("0210", "0000000002000000", "0\x01")), "field 39"));
}

TEST(Iso8583Codec, TrailingBytesAreRejected) {
    const SecureBytes encoded = *encode(echo());
    Bytes wire(encoded.begin(), encoded.end());
    wire.push_back('9');
    EXPECT_EQ(error_of(wire), "1 bytes follow the last field the bitmap names");
}

TEST(Iso8583Codec, EncoderRefusesWhatTheDecoderWouldRefuse) {
    Message undefined(Mti::FinancialRequest);
    undefined.set(5, "000000000001");
    EXPECT_TRUE(mentions(encode(undefined).error().message, "field 5 is not defined"));

    Message short_fixed(Mti::FinancialRequest);
    short_fixed.set(4, "100");
    EXPECT_EQ(encode(short_fixed).error().message, "field 4 (amount, transaction): length 3, must be exactly 12");

    Message bad_pin_block(Mti::FinancialRequest);
    bad_pin_block.set(52, std::string(8, '\x11'));  // a format-0 sized block
    EXPECT_TRUE(mentions(encode(bad_pin_block).error().message, "field 52"));

    Message letters_in_pan(Mti::FinancialRequest);
    letters_in_pan.set(2, "40128888X8881881");
    const auto error = encode(letters_in_pan).error().message;
    EXPECT_TRUE(mentions(error, "field 2"));
    EXPECT_FALSE(mentions(error, "40128888"));  // never quotes the value
}

TEST(Iso8583Codec, MessageWipesAndEditsFields) {
    Message m = financial();
    m.erase(2);
    EXPECT_FALSE(m.has(2));
    m.erase(2);  // absent: no effect
    m.set(3, "310000");
    EXPECT_EQ(m.get(3), "310000");
    EXPECT_FALSE(m.get(99).has_value());
    EXPECT_EQ(mti_text(Mti::ReversalAdviceResponse), "0430");
    EXPECT_EQ(response_mti_for(Mti::ReversalAdvice), Mti::ReversalAdviceResponse);
    EXPECT_FALSE(response_mti_for(Mti::FinancialResponse).has_value());
}

}  // namespace
}  // namespace kiosk::host::iso8583
