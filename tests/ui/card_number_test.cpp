// The masked PAN shown on screen: grouped in fours, and never more than first 6 / last 4 digits.
#include "ui/card_number.hpp"

#include <gtest/gtest.h>

namespace kiosk::ui {
namespace {

TEST(CardNumber, GroupsInFours) {
    EXPECT_EQ(display_card_number("622848******1234"), "6228 48** **** 1234");
    EXPECT_EQ(display_card_number("4111 11XX XXXX 1111"), "4111 11** **** 1111");
}

TEST(CardNumber, MasksAnyDigitsBeyondFirstSixAndLastFour) {
    EXPECT_EQ(display_card_number("6228480123451234"), "6228 48** **** 1234");
    EXPECT_EQ(display_card_number("6228480123456789012"), "6228 48** **** ***9 012");
}

TEST(CardNumber, EmptyStaysEmpty) { EXPECT_EQ(display_card_number(""), ""); }

}  // namespace
}  // namespace kiosk::ui
