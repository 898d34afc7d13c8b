// PAN masking (never more than 6 + 4 digits, short PANs show less) and keyed tokens.
#include "security/pan.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

namespace kiosk::security {
namespace {

std::size_t visible_digits(const std::string& masked) {
    std::size_t count = 0;
    for (const char c : masked) count += (c >= '0' && c <= '9') ? 1U : 0U;
    return count;
}

TEST(MaskPan, ShowsBinAndLastFour) {
    EXPECT_TRUE(mask_pan("4111111111111111") == "411111******1111") << "mask output withheld: it could be a PAN";
    EXPECT_TRUE(mask_pan("4012888888881881") == "401288******1881") << "mask output withheld: it could be a PAN";
    EXPECT_TRUE(mask_pan("371449635398431") == "371449*****8431") << "mask output withheld: it could be a PAN";
    EXPECT_TRUE(mask_pan("6011000990139424123") == "601100*********4123") << "mask output withheld: it could be a PAN";
}

TEST(MaskPan, ShortPansShowOnlyTheLastFour) {
    EXPECT_TRUE(mask_pan("12345678901") == "123456*8901") << "mask output withheld: it could be a PAN";  // 11 digits: BIN rule applies
    EXPECT_TRUE(mask_pan("1234567890") == "******7890") << "mask output withheld: it could be a PAN";
    EXPECT_TRUE(mask_pan("12345") == "*2345") << "mask output withheld: it could be a PAN";
}

TEST(MaskPan, FourDigitsOrFewerShowNothing) {
    EXPECT_TRUE(mask_pan("1234") == "****") << "mask output withheld: it could be a PAN";
    EXPECT_TRUE(mask_pan("1") == "*") << "mask output withheld: it could be a PAN";
}

TEST(MaskPan, NonDigitsGiveTheFixedMask) {
    EXPECT_TRUE(mask_pan("") == "****") << "mask output withheld: it could be a PAN";
    EXPECT_TRUE(mask_pan("4111 1111 1111 1111") == "****") << "mask output withheld: it could be a PAN";
    EXPECT_TRUE(mask_pan(";4111111111111111=2512101?") == "****") << "mask output withheld: it could be a PAN";
}

TEST(MaskPan, NeverShowsMoreThanSixPlusFour) {
    std::string pan;
    for (int length = 1; length <= 25; ++length) {
        pan.push_back(static_cast<char>('0' + length % 10));
        const std::string masked = mask_pan(pan);
        EXPECT_EQ(masked.size(), pan.size());
        EXPECT_LE(visible_digits(masked), 10U) << length;
        EXPECT_LT(visible_digits(masked), pan.size()) << "PAN of length " << length << " shown whole";
        if (pan.size() <= 10) {
            EXPECT_LE(visible_digits(masked), 4U) << length;
        }
    }
}

TEST(PanTokenizer, IsDeterministicLowercaseHex) {
    const PanTokenizer tokenizer(Bytes(32, 0x01));
    const std::string token = tokenizer.token("4111111111111111");
    EXPECT_EQ(token, tokenizer.token("4111111111111111"));
    ASSERT_EQ(token.size(), 64U);
    for (const char c : token) EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << token;
}

TEST(PanTokenizer, DependsOnKeyAndPan) {
    const PanTokenizer bank_a(Bytes(32, 0x01));
    const PanTokenizer bank_b(Bytes(32, 0x02));
    EXPECT_NE(bank_a.token("4111111111111111"), bank_b.token("4111111111111111"));
    EXPECT_NE(bank_a.token("4111111111111111"), bank_a.token("4111111111111112"));
}

TEST(PanTokenizer, IsHmacSha256OfTheWholePan) {
    // RFC 4231 test case 2 key and message, to pin the construction (not just "some hash").
    const std::string jefe = "Jefe";
    EXPECT_THROW(PanTokenizer(to_bytes(jefe)), std::runtime_error);  // too short for a PAN key
    const PanTokenizer tokenizer(Bytes(20, 0x0b));
    EXPECT_EQ(tokenizer.token("Hi There"), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

}  // namespace
}  // namespace kiosk::security
