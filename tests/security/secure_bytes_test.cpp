// SecureBytes / SecureString: contents, wiping, moves leave the source empty, constant-time ==.
#include "security/secure_bytes.hpp"

#include <gtest/gtest.h>

namespace kiosk::security {
namespace {

TEST(SecureBytes, HoldsACopyOfItsContent) {
    const std::uint8_t raw[] = {1, 2, 3};
    const SecureBytes bytes{std::span<const std::uint8_t>(raw)};
    ASSERT_EQ(bytes.size(), 3U);
    EXPECT_EQ(bytes[0], 1);
    EXPECT_EQ(bytes[2], 3);
    EXPECT_EQ(bytes.view().size(), 3U);
}

TEST(SecureBytes, SizedConstructorZeroFills) {
    const SecureBytes bytes(32);
    ASSERT_EQ(bytes.size(), 32U);
    for (const auto byte : bytes) EXPECT_EQ(byte, 0);
}

TEST(SecureBytes, WipeZeroesTheContentInPlace) {
    SecureBytes bytes(4);
    for (auto& byte : bytes) byte = 0xAB;
    const std::uint8_t* storage = bytes.data();
    bytes.wipe();
    ASSERT_EQ(bytes.data(), storage);
    for (const auto byte : bytes) EXPECT_EQ(byte, 0);
}

TEST(SecureBytes, MovedFromBufferIsEmpty) {
    SecureBytes source(8);
    source[0] = 7;
    const SecureBytes target(std::move(source));
    EXPECT_EQ(target.size(), 8U);
    EXPECT_EQ(target[0], 7);
    EXPECT_TRUE(source.empty());  // NOLINT(bugprone-use-after-move): the property under test
    EXPECT_EQ(source.data(), nullptr);
}

TEST(SecureBytes, MoveAssignmentEmptiesTheSource) {
    SecureBytes source(2);
    source[1] = 9;
    SecureBytes target(5);
    target = std::move(source);
    EXPECT_EQ(target.size(), 2U);
    EXPECT_EQ(target[1], 9);
    EXPECT_TRUE(source.empty());  // NOLINT(bugprone-use-after-move)
}

TEST(SecureBytes, CopyIsDeepAndEqual) {
    SecureBytes original(3);
    original[0] = 1;
    SecureBytes copy(original);
    EXPECT_EQ(copy, original);
    EXPECT_NE(copy.data(), original.data());
    copy[0] = 2;
    EXPECT_FALSE(copy == original);
}

TEST(SecureBytes, DifferentSizesAreNotEqual) {
    EXPECT_FALSE(SecureBytes(3) == SecureBytes(4));
    EXPECT_EQ(SecureBytes(), SecureBytes(0));
}

TEST(SecureString, ViewsAsText) {
    SecureString pin(std::string_view("1234"));
    EXPECT_TRUE(pin.view() == "1234");
    EXPECT_EQ(std::string_view(pin.data(), pin.size()), "1234");
    pin.wipe();
    EXPECT_EQ(pin.view(), std::string_view("\0\0\0\0", 4));
}

TEST(SecureString, LiteralDoesNotIncludeTheTerminator) {
    const SecureString pin("0000");
    EXPECT_EQ(pin.size(), 4U);
}

TEST(SecureString, MovedFromStringIsEmpty) {
    SecureString source(std::string_view("4111111111111111"));
    SecureString target = std::move(source);
    EXPECT_TRUE(target.view() == "4111111111111111");
    EXPECT_TRUE(source.view().empty());  // NOLINT(bugprone-use-after-move)
}

}  // namespace
}  // namespace kiosk::security
