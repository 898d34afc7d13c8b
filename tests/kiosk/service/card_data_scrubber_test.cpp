// scrub_card_data: a Luhn-valid card number of 13–19 digits is masked wherever it sits in a log
// line, track data after it is starred out to the end of the track, other numbers (times, amounts,
// STANs, a 16-digit number that is no card) are left as written.
#include "kiosk/service/card_data_scrubber.hpp"

#include <gtest/gtest.h>

namespace kiosk::service {
namespace {

TEST(CardDataScrubberTest, ACardNumberIsMaskedToFirstSixAndLastFour) {
    EXPECT_EQ(scrub_card_data("card 4111111111111111 declined"), "card 411111******1111 declined");
    EXPECT_EQ(scrub_card_data("pan=5500000000000004,"), "pan=550000******0004,");
    EXPECT_EQ(scrub_card_data("6011000990139424"), "601100******9424");       // at both ends of the text
    EXPECT_EQ(scrub_card_data("4222222222222"), "422222***2222");             // 13 digits
}

TEST(CardDataScrubberTest, TrackDataAfterTheNumberIsStarredToTheEndOfTheTrack) {
    EXPECT_EQ(scrub_card_data("track2 ;4111111111111111=29121010000000000000? read"),
              "track2 ;411111******1111" + std::string(21, '*') + "? read");
    // Track 1's name has spaces in it: starred to the end sentinel, not to the first space.
    EXPECT_EQ(scrub_card_data("%B4111111111111111^DOE/JOHN A^2912101000?\nnext"),
              "%B411111******1111" + std::string(22, '*') + "?\nnext");
    EXPECT_EQ(scrub_card_data("dump 4111111111111111D2912101 end"), "dump 411111******1111********" " end");
}

TEST(CardDataScrubberTest, OtherNumbersAreLeftAsWritten) {
    for (const char* text : {"at 1764661466123 ms",             // a Unix time in ms, 13 digits, not Luhn-valid
                             "4111111111111112",                  // 16 digits failing Luhn
                             "41111111111111111111",              // 20 digits: longer than any PAN
                             "411111111111",                      // 12 digits: shorter
                             "stan 000123, amount CNY 500.00", "411111******1111", ""}) {
        EXPECT_EQ(scrub_card_data(text), text);
    }
}

}  // namespace
}  // namespace kiosk::service
