// HMAC-SHA-256 against RFC 4231 test cases 1 and 2; the keyed object is reusable.
#include "security/hmac_sha256.hpp"

#include <gtest/gtest.h>

namespace kiosk::security {
namespace {

TEST(HmacSha256, Rfc4231TestCase1) {
    auto mac = hmac_sha256(Bytes(20, 0x0b), to_bytes("Hi There"));
    ASSERT_TRUE(mac.ok()) << mac.error().to_string();
    EXPECT_EQ(to_hex(*mac), "B0344C61D8DB38535CA8AFCEAF0BF12B881DC200C9833DA726E9376C2E32CFF7");
}

TEST(HmacSha256, Rfc4231TestCase2InPartsAndRepeated) {
    auto hmac = HmacSha256::create(to_bytes("Jefe"));
    ASSERT_TRUE(hmac.ok());
    const Bytes first = to_bytes("what do ya want ");
    const Bytes second = to_bytes("for nothing?");
    for (int round = 0; round < 2; ++round) {
        auto mac = hmac->mac({first, second});
        ASSERT_TRUE(mac.ok());
        EXPECT_EQ(to_hex(*mac), "5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843") << round;
    }
}

TEST(HmacSha256, EmptyKeyIsRefused) { EXPECT_FALSE(HmacSha256::create({}).ok()); }

}  // namespace
}  // namespace kiosk::security
