#include "common/bytes.hpp"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(BytesTest, HexRoundTrip) {
    const Bytes bytes{0x00, 0x1B, 0xA5, 0xFF};
    EXPECT_EQ(to_hex(bytes), "001BA5FF");
    auto parsed = from_hex("001ba5FF");
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, bytes);
}

TEST(BytesTest, RejectsOddLengthAndNamesBadPosition) {
    auto odd = from_hex("ABC");
    ASSERT_FALSE(odd.ok());
    EXPECT_NE(odd.error().message.find("odd"), std::string::npos);

    auto bad = from_hex("A0G1");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().message, "not a hex digit at position 2");
}

}  // namespace
}  // namespace kiosk
