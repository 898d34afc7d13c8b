// OsRandom: fills every byte, and two draws differ.
#include "security/os_random.hpp"

#include <algorithm>
#include <array>

#include <gtest/gtest.h>

namespace kiosk::security {
namespace {

TEST(OsRandom, TwoDrawsDiffer) {
    OsRandom random;
    std::array<std::uint8_t, 32> first{};
    std::array<std::uint8_t, 32> second{};
    random.fill(first);
    random.fill(second);
    EXPECT_NE(first, second);  // equal with probability 2^-256
}

TEST(OsRandom, FillsTheWholeBuffer) {
    OsRandom random;
    std::array<std::uint8_t, 4096> buffer{};
    random.fill(buffer);
    // A zero tail would mean a short fill; 64 zero bytes in a row has probability ~2^-512.
    EXPECT_FALSE(std::all_of(buffer.end() - 64, buffer.end(), [](std::uint8_t b) { return b == 0; }));
}

TEST(OsRandom, WorksThroughTheInterface) {
    OsRandom os;
    RandomSource& random = os;
    std::array<std::uint8_t, 16> buffer{};
    random.fill(buffer);
    EXPECT_LT(random.below(10), 10U);
}

}  // namespace
}  // namespace kiosk::security
