// SecureBytes / SecureString: contents, wiping, moves leave the source empty, constant-time ==,
// and (through an allocator that looks at the memory it gets back) no secret survives in freed
// memory after destruction, clear() or assignment over.
#include "common/secure_buffer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <type_traits>
#include <vector>

#include "common/bytes.hpp"

namespace kiosk {
namespace {

// Keeps a copy of every block it is handed back, as it was at that moment: what a later heap
// user would find there.
std::vector<std::vector<unsigned char>>& returned_blocks() {
    static std::vector<std::vector<unsigned char>> blocks;
    return blocks;
}

template <typename T>
struct InspectingAllocator {
    using value_type = T;
    InspectingAllocator() = default;
    template <typename U>
    InspectingAllocator(const InspectingAllocator<U>&) {}  // NOLINT(google-explicit-constructor)
    T* allocate(std::size_t n) { return std::allocator<T>().allocate(n); }
    void deallocate(T* p, std::size_t n) {
        const auto* bytes = reinterpret_cast<const unsigned char*>(p);
        returned_blocks().emplace_back(bytes, bytes + n * sizeof(T));
        std::allocator<T>().deallocate(p, n);
    }
    friend bool operator==(const InspectingAllocator&, const InspectingAllocator&) { return true; }
};

using InspectedString = SecureBuffer<char, InspectingAllocator<char>>;

bool all_zero(const std::vector<unsigned char>& block) {
    for (const unsigned char byte : block) {
        if (byte != 0) return false;
    }
    return true;
}

class SecureBufferMemory : public ::testing::Test {
protected:
    void SetUp() override { returned_blocks().clear(); }
};

TEST_F(SecureBufferMemory, DestructionWipesBeforeFreeing) {
    { const InspectedString pan("4111111111111111"); }
    ASSERT_EQ(returned_blocks().size(), 1U);
    EXPECT_EQ(returned_blocks()[0].size(), 16U);
    EXPECT_TRUE(all_zero(returned_blocks()[0]));
}

TEST_F(SecureBufferMemory, ClearWipesFreesAndEmpties) {
    InspectedString pan("4111111111111111");
    pan.clear();
    EXPECT_TRUE(pan.empty());
    EXPECT_EQ(pan.data(), nullptr);
    ASSERT_EQ(returned_blocks().size(), 1U);
    EXPECT_TRUE(all_zero(returned_blocks()[0]));
    pan.clear();  // twice is harmless
    EXPECT_EQ(returned_blocks().size(), 1U);
}

TEST_F(SecureBufferMemory, AssigningOverWipesTheOldContents) {
    InspectedString pan("4111111111111111");
    pan = InspectedString("5500000000000004");
    // The old block, and the temporary's moved-from shell (which owns nothing), were released.
    ASSERT_EQ(returned_blocks().size(), 1U);
    EXPECT_TRUE(all_zero(returned_blocks()[0]));
    EXPECT_TRUE(pan.view() == "5500000000000004");
    InspectedString copy("1234");
    copy = pan;  // copy-assignment: the old "1234" goes the same way
    ASSERT_EQ(returned_blocks().size(), 2U);
    EXPECT_TRUE(all_zero(returned_blocks()[1]));
    EXPECT_TRUE(copy == pan);
}

TEST_F(SecureBufferMemory, AMoveHandsTheBlockOverWithoutACopy) {
    InspectedString source("4111111111111111");
    const char* storage = source.data();
    InspectedString target(std::move(source));
    EXPECT_EQ(target.data(), storage);
    EXPECT_TRUE(returned_blocks().empty());  // nothing freed, so nothing left behind
    EXPECT_TRUE(source.empty());  // NOLINT(bugprone-use-after-move): the property under test
}

TEST(SecureBuffer, TakingOverAStringOrVectorWipesTheSource) {
    std::string track = ";4111111111111111=29121010000000000000?";
    const SecureString secure(std::move(track));
    EXPECT_TRUE(secure.view() == ";4111111111111111=29121010000000000000?");
    EXPECT_TRUE(track.empty());  // NOLINT(bugprone-use-after-move): wiped and emptied by design
    Bytes block{1, 2, 3, 4};
    const SecureBytes taken(std::move(block));
    EXPECT_EQ(taken.size(), 4U);
    EXPECT_TRUE(block.empty());  // NOLINT(bugprone-use-after-move)
}

TEST(SecureBuffer, PlainValuesConvertInSecretsNeverConvertOut) {
    const std::string pan = "4111111111111111";
    const SecureString from_string = pan;  // a copy: the caller's string is untouched
    EXPECT_EQ(pan, "4111111111111111");
    EXPECT_TRUE(from_string == pan);
    const Bytes bytes{9, 8};
    const SecureBytes from_bytes = bytes;
    EXPECT_EQ(from_bytes[1], 8);
    static_assert(!std::is_convertible_v<SecureString, std::string_view>);
    static_assert(!std::is_convertible_v<SecureString, std::string>);
    EXPECT_TRUE(SecureString().view().empty());
}

TEST(SecureBuffer, ClearEmptiesAndWipesInPlace) {
    SecureBytes key(4);
    for (auto& byte : key) byte = 0xAB;
    key.clear();
    EXPECT_TRUE(key.empty());
    EXPECT_EQ(key.data(), nullptr);
    EXPECT_TRUE(key.view().empty());
}

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
}  // namespace kiosk
