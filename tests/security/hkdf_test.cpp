// HKDF-SHA-256 against RFC 5869 test cases 1 and 3.
#include "security/hkdf.hpp"

#include <gtest/gtest.h>

#include "test_hex.hpp"

namespace kiosk::security {
namespace {

using test::hex;

TEST(Hkdf, Rfc5869TestCase1) {
    auto okm = hkdf_sha256(Bytes(22, 0x0b), hex("000102030405060708090a0b0c"), hex("f0f1f2f3f4f5f6f7f8f9"), 42);
    ASSERT_TRUE(okm.ok()) << okm.error().to_string();
    EXPECT_EQ(to_hex(okm->view()),
              "3CB25F25FAACD57A90434F64D0362F2A2D2D0A90CF1A5A4C5DB02D56ECC4C5BF34007208D5B887185865");
}

TEST(Hkdf, Rfc5869TestCase3EmptySaltAndInfo) {
    auto okm = hkdf_sha256(Bytes(22, 0x0b), {}, {}, 42);
    ASSERT_TRUE(okm.ok()) << okm.error().to_string();
    EXPECT_EQ(to_hex(okm->view()),
              "8DA4E775A563C18F715F802A063C5A31B8A11F5C5EE1879EC3454E5F3C738D2D9D201395FAA4B61A96C8");
}

TEST(Hkdf, RejectsBadLengthsAndEmptyKey) {
    EXPECT_FALSE(hkdf_sha256(Bytes(32, 1), {}, {}, 0).ok());
    EXPECT_FALSE(hkdf_sha256(Bytes(32, 1), {}, {}, 255 * 32 + 1).ok());
    EXPECT_FALSE(hkdf_sha256({}, {}, {}, 32).ok());
    EXPECT_TRUE(hkdf_sha256(Bytes(32, 1), {}, {}, 255 * 32).ok());
}

// RFC 5869 test case 1 again, as its two halves: the PRK the RFC lists, then the same OKM.
TEST(Hkdf, ExtractAndExpandSeparately) {
    auto prk = hkdf_sha256_extract(hex("000102030405060708090a0b0c"), Bytes(22, 0x0b));
    ASSERT_TRUE(prk.ok()) << prk.error().to_string();
    EXPECT_EQ(to_hex(prk->view()), "077709362C2E32DF0DDC3F0DC47BBA6390B6C73BB50F9C3122EC844AD7C2B3E5");
    auto okm = hkdf_sha256_expand(prk->view(), hex("f0f1f2f3f4f5f6f7f8f9"), 42);
    ASSERT_TRUE(okm.ok()) << okm.error().to_string();
    EXPECT_EQ(to_hex(okm->view()),
              "3CB25F25FAACD57A90434F64D0362F2A2D2D0A90CF1A5A4C5DB02D56ECC4C5BF34007208D5B887185865");
    EXPECT_FALSE(hkdf_sha256_expand(Bytes(31, 1), {}, 32).ok());
    EXPECT_FALSE(hkdf_sha256_expand(prk->view(), {}, 0).ok());
}

}  // namespace
}  // namespace kiosk::security
