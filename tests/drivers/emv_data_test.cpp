// Tests for drivers/chip/emv_data.hpp: the EMV data elements decode, and malformed ones are
// refused naming the element, never its digits.
#include "drivers/chip/emv_data.hpp"

#include <gtest/gtest.h>

namespace kiosk::drivers::chip {
namespace {

Bytes hex(std::string_view text) { return from_hex(text).value(); }

TEST(EmvData, DecodesPansWithAndWithoutPadding) {
    auto even = decode_pan(hex("4012888888881881"));
    ASSERT_TRUE(even.ok());
    EXPECT_TRUE(*even == "4012888888881881");
    auto odd = decode_pan(hex("371449635398431F"));
    ASSERT_TRUE(odd.ok()) << odd.error().message;
    EXPECT_TRUE(*odd == "371449635398431");
}

TEST(EmvData, RefusesBadPansWithoutPrintingThem) {
    for (const char* bad : {"4012888888881882", "40128F8888881881", "4012", "40128888888818A1"}) {
        auto pan = decode_pan(hex(bad));
        ASSERT_FALSE(pan.ok()) << bad;
        EXPECT_EQ(pan.error().domain, emv_data_domain);
        EXPECT_NE(pan.error().message.find("PAN (5A)"), std::string::npos);
        EXPECT_EQ(pan.error().message.find("4012"), std::string::npos);
    }
}

TEST(EmvData, DecodesExpiryAndTrack2Equivalent) {
    EXPECT_EQ(decode_expiry(hex("281231")).value(), "281231");
    EXPECT_FALSE(decode_expiry(hex("281331")).ok());
    EXPECT_FALSE(decode_expiry(hex("2812")).ok());
    auto track = decode_track2_equivalent(hex("4012888888881881D28122010000000F"));
    ASSERT_TRUE(track.ok()) << track.error().message;
    EXPECT_TRUE(track->pan == "4012888888881881");
    EXPECT_EQ(track->expiry_yymm, "2812");
    EXPECT_EQ(track->service_code, "201");
    EXPECT_FALSE(decode_track2_equivalent(hex("4012888888881881")).ok());   // no separator
    EXPECT_FALSE(decode_track2_equivalent(hex("4012888888881881D2812F")).ok());  // no service code
}

TEST(EmvData, DecodesAndValidatesTheAfl) {
    auto afl = decode_afl(hex("0801010010010301"));
    ASSERT_TRUE(afl.ok());
    ASSERT_EQ(afl->size(), 2u);
    EXPECT_EQ(afl->at(1).sfi, 2);
    EXPECT_EQ(afl->at(1).last_record, 3);
    EXPECT_FALSE(decode_afl(hex("080101")).ok());        // not a multiple of 4
    EXPECT_FALSE(decode_afl(hex("08020100")).ok());      // last before first
    EXPECT_FALSE(decode_afl(hex("00010100")).ok());      // SFI 0
    EXPECT_FALSE(decode_afl(hex("08010102")).ok());      // more auth records than records
    auto empty = decode_afl({});
    ASSERT_FALSE(empty.ok());
    EXPECT_NE(empty.error().message.find("AFL (94)"), std::string::npos);
}

TEST(EmvData, BuildsPdolDataFromTerminalValuesOrZeros) {
    auto dol = decode_dol(hex("9F66049F02069F37049F1A02"));
    ASSERT_TRUE(dol.ok());
    ASSERT_EQ(dol->size(), 4u);
    EXPECT_EQ(dol->at(3).tag, 0x9F1Au);
    const std::map<TlvTag, Bytes> known{{0x9F1A, hex("0156")}, {0x9F37, hex("0102030405")}};
    EXPECT_EQ(to_hex(build_dol_data(*dol, known)), "00000000" "000000000000" "01020304" "0156");
    EXPECT_FALSE(decode_dol(hex("9F")).ok());
}

}  // namespace
}  // namespace kiosk::drivers::chip
