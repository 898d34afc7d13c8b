// Tests for drivers/chip/ber_tlv.hpp: multi-byte and constructed tags, long-form lengths, padding,
// and every malformed input rejected with its typed error and the offset where it went wrong.
#include "drivers/chip/ber_tlv.hpp"

#include <gtest/gtest.h>

namespace kiosk::drivers::chip {
namespace {

Bytes hex(std::string_view text) { return from_hex(text).value(); }

TEST(BerTlv, ParsesAConstructedFciWithMultiByteTags) {
    // 6F { 84 "1PAY.SYS.DDF01", A5 { 88 01, 9F38 03 9F1A02 } }
    auto objects = parse_ber_tlv(hex("6F1B840E315041592E5359532E4444463031A509880101" "9F38039F1A02" "5F2D00"));
    ASSERT_TRUE(objects.ok()) << objects.error().to_string();
    ASSERT_EQ(objects->size(), 2u);
    const TlvObject& fci = objects->front();
    EXPECT_EQ(fci.tag, 0x6Fu);
    ASSERT_EQ(fci.children.size(), 2u);
    EXPECT_EQ(kiosk::to_string(fci.children[0].value), "1PAY.SYS.DDF01");
    const TlvObject* pdol = fci.find(0x9F38);
    ASSERT_NE(pdol, nullptr);
    EXPECT_EQ(to_hex(pdol->value), "9F1A02");
    const TlvObject* sfi = find_tlv(*objects, 0x88);
    ASSERT_NE(sfi, nullptr);
    EXPECT_EQ(to_hex(sfi->value), "01");
    EXPECT_EQ(sfi->offset, 20u);
    EXPECT_EQ(fci.find(0x5F2D), nullptr);  // after the 6F's declared length: a sibling
    EXPECT_EQ(objects->at(1).tag, 0x5F2Du);
    EXPECT_TRUE(objects->at(1).value.empty());
}

TEST(BerTlv, ThreeByteTagAndLongFormLengths) {
    Bytes value(200, 0xAB);
    Bytes encoded = hex("DF8101" "81C8");
    encoded.insert(encoded.end(), value.begin(), value.end());
    auto objects = parse_ber_tlv(encoded);
    ASSERT_TRUE(objects.ok()) << objects.error().to_string();
    EXPECT_EQ(objects->front().tag, 0xDF8101u);
    EXPECT_EQ(objects->front().value, value);

    Bytes big(300, 0x01);
    auto round = parse_ber_tlv(encode_tlv(0x5F20, big));
    ASSERT_TRUE(round.ok());
    EXPECT_EQ(round->front().value, big);
    EXPECT_EQ(to_hex(encode_tlv(0x5F20, big)).substr(0, 10), "5F2082012C");
}

TEST(BerTlv, SkipsZeroPaddingBetweenObjects) {
    auto objects = parse_ber_tlv(hex("00005A0112000050024142"));
    ASSERT_TRUE(objects.ok());
    ASSERT_EQ(objects->size(), 2u);
    EXPECT_EQ(objects->at(1).tag, 0x50u);
    EXPECT_EQ(objects->at(1).offset, 7u);
}

TEST(BerTlv, EncodesShortAndLongLengths) {
    EXPECT_EQ(to_hex(encode_tlv(0x50, to_bytes("VISA"))), "500456495341");
    EXPECT_EQ(to_hex(encode_tlv(0x9F38, {})), "9F3800");
    EXPECT_EQ(to_hex(encode_tlv(0x70, Bytes(128, 0))).substr(0, 6), "708180");
    EXPECT_EQ(tag_name(0x5F24), "5F24");
    EXPECT_TRUE(is_constructed(0x70));
    EXPECT_TRUE(is_constructed(0xBF0C));
    EXPECT_FALSE(is_constructed(0x9F38));
}

struct BadTlv {
    const char* name;
    const char* hex;
    TlvError error;
    const char* offset_text;
};

class BerTlvRejects : public testing::TestWithParam<BadTlv> {};

TEST_P(BerTlvRejects, WithTypedErrorNamingTheOffset) {
    const BadTlv& bad = GetParam();
    auto parsed = parse_ber_tlv(hex(bad.hex));
    ASSERT_FALSE(parsed.ok()) << bad.name;
    EXPECT_EQ(tlv_error_of(parsed.error()), bad.error) << parsed.error().to_string();
    EXPECT_NE(parsed.error().message.find(bad.offset_text), std::string::npos) << parsed.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, BerTlvRejects,
    testing::Values(
        BadTlv{"truncated multi-byte tag", "9F", TlvError::truncatedTag, "offset 0"},
        BadTlv{"tag continues past the end", "5A01009F81", TlvError::truncatedTag, "offset 3"},
        BadTlv{"five-byte tag", "1F8181818101", TlvError::tagTooLong, "offset 0"},
        BadTlv{"no length", "5A", TlvError::truncatedLength, "offset 1"},
        BadTlv{"long length cut short", "5A8201", TlvError::truncatedLength, "offset 1"},
        BadTlv{"indefinite length", "7080", TlvError::indefiniteLength, "offset 1"},
        BadTlv{"five length bytes", "5A850000000001", TlvError::lengthFieldTooLong, "offset 1"},
        BadTlv{"value past the buffer", "5A0412", TlvError::valueOverrun, "offset 0"},
        BadTlv{"child past its parent", "70035A0512", TlvError::valueOverrun, "offset 2"},
        BadTlv{"huge length", "5A84FFFFFFFF00", TlvError::valueOverrun, "offset 0"}),
    [](const testing::TestParamInfo<BadTlv>& param) {
        std::string name = param.param.name;
        for (char& c : name) if (c == ' ' || c == '-') c = '_';
        return name;
    });

TEST(BerTlv, NestingDeeperThanTheBoundIsRefused) {
    Bytes nested = hex("5A0100");
    for (std::size_t i = 0; i < max_tlv_depth + 2; ++i) nested = encode_tlv(0x70, nested);
    auto parsed = parse_ber_tlv(nested);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(tlv_error_of(parsed.error()), TlvError::tooDeep);
}

}  // namespace
}  // namespace kiosk::drivers::chip
