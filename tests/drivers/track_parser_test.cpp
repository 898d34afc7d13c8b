// Tests for drivers/card/track_parser.hpp: every good card in the deck parses, and each malformed
// case (built from deck tracks, so no PAN is written here) gives its typed error. Assertions
// compare PANs with EXPECT_TRUE so a failure never prints one.
#include "drivers/card/track_parser.hpp"

#include <gtest/gtest.h>

#include "sim/devices/card_deck.hpp"

namespace kiosk::drivers {
namespace {

bool is_good(const sim::VirtualCard& card) {
    return card.id != "bad-luhn";  // the only card whose stripe data is itself malformed
}

TEST(TrackParser, EveryGoodDeckCardParsesFromBothTracks) {
    int parsed_cards = 0;
    for (const auto& card : sim::card_deck()) {
        if (!is_good(card)) continue;
        auto t1 = parse_track1(card.track1());
        auto t2 = parse_track2(card.track2());
        ASSERT_TRUE(t1.ok()) << card.id << ": " << t1.error().message;
        ASSERT_TRUE(t2.ok()) << card.id << ": " << t2.error().message;
        EXPECT_TRUE(t1->pan == card.pan) << card.id;
        EXPECT_TRUE(t2->pan == card.pan) << card.id;
        EXPECT_EQ(t1->cardholder_name, card.name);
        EXPECT_TRUE(t2->cardholder_name.empty());
        EXPECT_EQ(t1->expiry_yymm, card.expiry_yymm);
        EXPECT_EQ(t2->expiry_yymm, card.expiry_yymm);
        EXPECT_EQ(t2->service_code, card.service_code);
        ++parsed_cards;
    }
    EXPECT_GE(parsed_cards, 8);
}

TEST(TrackParser, BothTracksTogetherTakeTheNameFromTrack1) {
    const auto& card = sim::card("mc-chen");
    auto data = parse_tracks({card.track1(), card.track2()});
    ASSERT_TRUE(data.ok()) << data.error().message;
    EXPECT_TRUE(data->pan == card.pan);
    EXPECT_EQ(data->cardholder_name, "TEST/CHEN WEI");
    EXPECT_EQ(data->service_code, "201");
}

TEST(TrackParser, EitherTrackAloneIsEnough) {
    const auto& card = sim::card("visa-diana");
    auto only2 = parse_tracks({"", card.track2()});
    auto only1 = parse_tracks({card.track1(), ""});
    ASSERT_TRUE(only2.ok() && only1.ok());
    EXPECT_TRUE(only2->pan == card.pan && only1->pan == card.pan);
    EXPECT_EQ(only1->cardholder_name, card.name);
}

TEST(TrackParser, AbsentExpiryAndServiceCodeAreAllowed) {
    const auto& card = sim::card("visa-alice");
    auto t2 = parse_track2(";" + card.pan + "===?");
    ASSERT_TRUE(t2.ok()) << t2.error().message;
    EXPECT_TRUE(t2->expiry_yymm.empty());
    EXPECT_TRUE(t2->service_code.empty());
    auto t1 = parse_track1("%B" + card.pan + "^" + card.name + "^^^?");
    ASSERT_TRUE(t1.ok()) << t1.error().message;
    EXPECT_TRUE(t1->expiry_yymm.empty());
}

struct BadTrack {
    const char* name;
    int track;  // 1 or 2
    std::string text;
    TrackError expected;
};

std::vector<BadTrack> bad_tracks() {
    const auto& good = sim::card("visa-alice");
    const std::string t1 = good.track1();
    const std::string t2 = good.track2();
    const std::string pan = good.pan;
    auto replace = [](std::string text, const std::string& from, const std::string& to) {
        text.replace(text.find(from), from.size(), to);
        return text;
    };
    return {
        {"t1_empty", 1, "", TrackError::empty},
        {"t1_no_start", 1, t1.substr(1), TrackError::noStartSentinel},
        {"t1_no_end", 1, t1.substr(0, t1.size() - 1), TrackError::noEndSentinel},
        {"t1_too_long", 1, t1.substr(0, t1.size() - 1) + std::string(60, '0') + "?", TrackError::tooLong},
        {"t1_format_code", 1, replace(t1, "%B", "%A"), TrackError::badFormatCode},
        {"t1_no_separator", 1, "%B" + pan + "?", TrackError::missingSeparator},
        {"t1_pan_letters", 1, replace(t1, pan, pan.substr(0, 4) + "ABCD" + pan.substr(8)), TrackError::badPan},
        {"t1_pan_short", 1, replace(t1, pan, pan.substr(0, 6)), TrackError::badPan},
        {"t1_bad_luhn", 1, sim::card("bad-luhn").track1(), TrackError::badLuhn},
        {"t1_name_short", 1, replace(t1, "^" + good.name + "^", "^X^"), TrackError::badName},
        {"t1_name_long", 1, replace(t1, "^" + good.name + "^", "^" + std::string(27, 'N') + "^"), TrackError::badName},
        {"t1_bad_month", 1, replace(t1, "^" + good.name + "^2812", "^" + good.name + "^2813"), TrackError::badExpiry},
        {"t1_bad_service", 1, "%B" + pan + "^" + good.name + "^2812X?", TrackError::badServiceCode},
        {"t1_lowercase", 1, replace(t1, good.name, "test/alice"), TrackError::badCharacter},
        {"t2_empty", 2, "", TrackError::empty},
        {"t2_no_start", 2, t2.substr(1), TrackError::noStartSentinel},
        {"t2_track1_start", 2, "%" + t2.substr(1), TrackError::noStartSentinel},
        {"t2_no_end", 2, t2.substr(0, t2.size() - 1), TrackError::noEndSentinel},
        {"t2_too_long", 2, t2.substr(0, t2.size() - 1) + std::string(20, '0') + "?", TrackError::tooLong},
        {"t2_no_separator", 2, ";" + pan + "?", TrackError::missingSeparator},
        {"t2_bad_luhn", 2, sim::card("bad-luhn").track2(), TrackError::badLuhn},
        {"t2_pan_long", 2, ";" + pan + "0000=2812201?", TrackError::badPan},
        {"t2_bad_month", 2, replace(t2, "=2812", "=2800"), TrackError::badExpiry},
        {"t2_short_expiry", 2, ";" + pan + "=28?", TrackError::badExpiry},
        {"t2_short_service", 2, ";" + pan + "=281220?", TrackError::badServiceCode},
        {"t2_letter", 2, replace(t2, "=", "D"), TrackError::badCharacter},
        {"t2_control_char", 2, replace(t2, "=2812", "=28:2"), TrackError::badCharacter},
    };
}

// gtest would otherwise dump the struct's bytes, track text included, when a case fails.
void PrintTo(const BadTrack& bad, std::ostream* out) { *out << bad.name; }

class TrackParserMalformed : public ::testing::TestWithParam<BadTrack> {};

TEST_P(TrackParserMalformed, GivesItsTypedErrorWithoutTheTrackContent) {
    const auto& c = GetParam();
    auto parsed = c.track == 1 ? parse_track1(c.text) : parse_track2(c.text);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().domain, "track");
    EXPECT_EQ(track_error_of(parsed.error()), c.expected) << parsed.error().message;
    const std::string pan = sim::card("visa-alice").pan;
    EXPECT_EQ(parsed.error().message.find(pan.substr(0, 6)), std::string::npos)
        << "error message leaks card digits";
}

std::string case_name(const ::testing::TestParamInfo<BadTrack>& test) { return test.param.name; }

INSTANTIATE_TEST_SUITE_P(Cases, TrackParserMalformed, ::testing::ValuesIn(bad_tracks()),
                         case_name);

TEST(TrackParser, TracksWithDifferentPansAreRejected) {
    auto data = parse_tracks({sim::card("visa-alice").track1(), sim::card("visa-diana").track2()});
    ASSERT_FALSE(data.ok());
    EXPECT_EQ(track_error_of(data.error()), TrackError::panMismatch);
}

TEST(TrackParser, BlankTracksAreEmptyAndOneBadTrackSpoilsTheRead) {
    auto blank = parse_tracks({"", ""});
    ASSERT_FALSE(blank.ok());
    EXPECT_EQ(track_error_of(blank.error()), TrackError::empty);

    auto half = parse_tracks({"%B?", sim::card("visa-alice").track2()});
    ASSERT_FALSE(half.ok());
    EXPECT_EQ(track_error_of(half.error()), TrackError::missingSeparator);
}

TEST(TrackParser, ExpiryComparesYearThenMonth) {
    EXPECT_TRUE(expired_at(sim::card("expired").expiry_yymm, 2026, 1));
    EXPECT_FALSE(expired_at("2601", 2026, 1));  // valid through the end of its month
    EXPECT_TRUE(expired_at("2601", 2026, 2));
    EXPECT_FALSE(expired_at("2812", 2026, 12));
    EXPECT_FALSE(expired_at("", 2099, 1));
}

}  // namespace
}  // namespace kiosk::drivers
