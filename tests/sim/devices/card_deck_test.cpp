// Tests for sim/devices/card_deck.hpp: the deck is well formed and its broken cards are broken in
// exactly the advertised way. Never prints a PAN or PIN.
#include "sim/devices/card_deck.hpp"

#include <gtest/gtest.h>

#include <set>

#include "drivers/card/luhn.hpp"
#include "drivers/card/track_parser.hpp"

namespace kiosk::sim {
namespace {

TEST(CardDeck, HasAtLeastEightCardsWithUniqueIds) {
    std::set<std::string> ids;
    for (const auto& c : card_deck()) ids.insert(c.id);
    EXPECT_GE(card_deck().size(), 8u);
    EXPECT_EQ(ids.size(), card_deck().size());
}

TEST(CardDeck, EveryCardButBadLuhnHasALuhnValidPan) {
    for (const auto& c : card_deck()) {
        EXPECT_EQ(drivers::luhn_valid(c.pan), c.id != "bad-luhn") << c.id;
    }
}

TEST(CardDeck, TracksFitIsoLengthsAndCarryTheFields) {
    for (const auto& c : card_deck()) {
        EXPECT_LE(c.track1().size(), drivers::track1_max_length) << c.id;
        EXPECT_LE(c.track2().size(), drivers::track2_max_length) << c.id;
        EXPECT_TRUE(c.track2().find(c.pan + "=" + c.expiry_yymm + c.service_code) != std::string::npos)
            << c.id;
        EXPECT_TRUE(c.track1().find("^" + c.name + "^") != std::string::npos) << c.id;
    }
}

TEST(CardDeck, EveryCardHasAPinAnAccountALanguageAndASegment) {
    for (const auto& c : card_deck()) {
        EXPECT_GE(c.pin.size(), 4u) << c.id;
        EXPECT_LE(c.pin.size(), 12u) << c.id;
        EXPECT_FALSE(c.account_ids.empty()) << c.id;
        EXPECT_FALSE(c.language.empty()) << c.id;
        EXPECT_FALSE(c.segment.empty()) << c.id;
    }
}

TEST(CardDeck, BrokenCardsAreBrokenAsNamed) {
    EXPECT_TRUE(drivers::expired_at(card("expired").expiry_yymm, 2026, 1));
    EXPECT_EQ(card("mute-stripe").stripe, StripeCondition::mute);
    EXPECT_EQ(card("unreadable-chip").chip, ChipProfile::unreadable);
    auto bad = drivers::parse_track2(card("bad-luhn").track2());
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(drivers::track_error_of(bad.error()), drivers::TrackError::badLuhn);
}

TEST(CardDeck, UnknownIdThrows) {
    EXPECT_THROW((void)card("no-such-card"), std::out_of_range);
    EXPECT_EQ(card("amex-bob").name, "TEST/BOB");
}

}  // namespace
}  // namespace kiosk::sim
