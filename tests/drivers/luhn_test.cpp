// Tests for drivers/card/luhn.hpp, with the protocols.md vectors (taken from the card deck, the one
// place test PANs live).
#include "drivers/card/luhn.hpp"

#include <gtest/gtest.h>

#include "sim/devices/card_deck.hpp"

namespace kiosk::drivers {
namespace {

TEST(Luhn, PublishedVectorsPass) {
    EXPECT_TRUE(luhn_valid(sim::card("visa-alice").pan));  // 16 digits, protocols.md vector
    EXPECT_TRUE(luhn_valid(sim::card("amex-bob").pan));    // 15 digits, protocols.md vector
}

TEST(Luhn, ChangingAnyDigitBreaksTheCheck) {
    const std::string pan = sim::card("visa-alice").pan;
    for (std::size_t i = 0; i < pan.size(); ++i) {
        std::string changed = pan;
        changed[i] = changed[i] == '9' ? '0' : static_cast<char>(changed[i] + 1);
        EXPECT_FALSE(luhn_valid(changed)) << "digit position " << i;
    }
}

TEST(Luhn, CheckDigitCompletesANumber) {
    const std::string pan = sim::card("amex-bob").pan;
    auto digit = luhn_check_digit(std::string_view(pan).substr(0, pan.size() - 1));
    ASSERT_TRUE(digit.has_value());
    EXPECT_EQ(*digit, pan.back());
    EXPECT_EQ(luhn_check_digit("7992739871"), '3');  // the textbook example, not a card number
}

TEST(Luhn, RejectsNonDigitsAndTooShortInput) {
    EXPECT_FALSE(luhn_valid(""));
    EXPECT_FALSE(luhn_valid("0"));
    EXPECT_FALSE(luhn_valid("79927398 3"));
    EXPECT_FALSE(luhn_valid("7992739871a"));
    EXPECT_FALSE(luhn_check_digit("").has_value());
    EXPECT_FALSE(luhn_check_digit("12x").has_value());
}

}  // namespace
}  // namespace kiosk::drivers
