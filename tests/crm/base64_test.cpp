// crm/base64: RFC 4648 vectors and the strictness added over EVP_DecodeBlock.
#include "crm/base64.hpp"

#include <gtest/gtest.h>

namespace kiosk::crm {
namespace {

TEST(Base64, EncodesRfc4648Vectors) {
    EXPECT_EQ(base64_encode(to_bytes("")), "");
    EXPECT_EQ(base64_encode(to_bytes("f")), "Zg==");
    EXPECT_EQ(base64_encode(to_bytes("fo")), "Zm8=");
    EXPECT_EQ(base64_encode(to_bytes("foo")), "Zm9v");
    EXPECT_EQ(base64_encode(to_bytes("foobar")), "Zm9vYmFy");
}

TEST(Base64, DecodesBackExactlyWithoutPaddingBytes) {
    for (const char* text : {"", "f", "fo", "foo", "foob", "fooba", "foobar"}) {
        const auto decoded = base64_decode(base64_encode(to_bytes(text)));
        ASSERT_TRUE(decoded.ok()) << text;
        EXPECT_EQ(to_string(*decoded), text);
    }
}

TEST(Base64, RoundTripsEveryByteValue) {
    Bytes all(256);
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<std::uint8_t>(i);
    const auto decoded = base64_decode(base64_encode(all));
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(*decoded, all);
}

TEST(Base64, RejectsMalformedInput) {
    EXPECT_FALSE(base64_decode("Zm9").ok());        // length not a multiple of 4
    EXPECT_FALSE(base64_decode("Zm9v!A==").ok());   // character outside the alphabet
    EXPECT_FALSE(base64_decode("Zg==Zm9v").ok());   // padding in the middle
    EXPECT_FALSE(base64_decode("Z===").ok());       // three padding characters
    EXPECT_FALSE(base64_decode("Zm9v\n").ok());
    const auto error = base64_decode("Zm9v!A==");
    ASSERT_FALSE(error.ok());
    EXPECT_NE(error.error().message.find("position 4"), std::string::npos) << error.error().message;
}

}  // namespace
}  // namespace kiosk::crm
