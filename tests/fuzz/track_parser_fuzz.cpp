// Fuzzes the ISO/IEC 7813 track parser with what a card reader could return. The input is track 1
// text, a newline, then track 2 text (either may be missing); each part is also tried alone.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "drivers/card/track_parser.hpp"
#include "fuzz_check.hpp"

namespace {

using kiosk::drivers::CardData;

bool all_digits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

// Written out here rather than calling drivers/card/luhn.hpp, so the two can disagree.
bool passes_luhn(std::string_view digits) {
    int sum = 0;
    bool twice = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int digit = *it - '0';
        if (twice) {
            digit *= 2;
            if (digit > 9) digit -= 9;
        }
        sum += digit;
        twice = !twice;
    }
    return sum % 10 == 0;
}

// The contract every parsed card meets (track_parser.hpp, docs/devices.md: PAN 8–19 digits).
void check_card(const CardData& card) {
    FUZZ_CHECK(card.pan.size() >= 8 && card.pan.size() <= 19);
    FUZZ_CHECK(all_digits(card.pan.view()));
    FUZZ_CHECK(passes_luhn(card.pan.view()));
    if (!card.expiry_yymm.empty()) {
        FUZZ_CHECK(card.expiry_yymm.size() == 4 && all_digits(card.expiry_yymm));
        const int month = (card.expiry_yymm[2] - '0') * 10 + (card.expiry_yymm[3] - '0');
        FUZZ_CHECK(month >= 1 && month <= 12);
    }
    if (!card.service_code.empty()) {
        FUZZ_CHECK(card.service_code.size() == 3 && all_digits(card.service_code));
    }
    FUZZ_CHECK(card.cardholder_name.size() <= 26);
}

// The minimal track carrying the same fields; it must parse back to the same card.
std::string rebuilt_tail(const CardData& card, char separator) {
    std::string tail = card.expiry_yymm.empty() ? std::string(1, separator) : card.expiry_yymm;
    tail += card.service_code.empty() ? std::string(1, separator) : card.service_code;
    return tail;
}

void check_track1(std::string_view track) {
    const auto parsed = kiosk::drivers::parse_track1(track);
    if (!parsed) {
        FUZZ_CHECK(kiosk::drivers::track_error_of(parsed.error()).has_value());
        return;
    }
    FUZZ_CHECK(track.size() <= kiosk::drivers::track1_max_length);
    check_card(*parsed);
    FUZZ_CHECK(parsed->cardholder_name.empty() || parsed->cardholder_name.back() != ' ');
    // A name of only spaces trims to less than the 2 characters a track must carry: not rebuildable.
    if (parsed->cardholder_name.size() < 2) return;
    const std::string rebuilt =
        "%B" + std::string(parsed->pan.view()) + "^" + parsed->cardholder_name + "^" + rebuilt_tail(*parsed, '^') + "?";
    const auto reparsed = kiosk::drivers::parse_track1(rebuilt);
    FUZZ_CHECK(reparsed.ok() && *reparsed == *parsed);
}

void check_track2(std::string_view track) {
    const auto parsed = kiosk::drivers::parse_track2(track);
    if (!parsed) {
        FUZZ_CHECK(kiosk::drivers::track_error_of(parsed.error()).has_value());
        return;
    }
    FUZZ_CHECK(track.size() <= kiosk::drivers::track2_max_length);
    check_card(*parsed);
    FUZZ_CHECK(parsed->cardholder_name.empty());
    const std::string rebuilt = ";" + std::string(parsed->pan.view()) + "=" + rebuilt_tail(*parsed, '=') + "?";
    const auto reparsed = kiosk::drivers::parse_track2(rebuilt);
    FUZZ_CHECK(reparsed.ok() && *reparsed == *parsed);
}

// parse_tracks must agree with parsing each track alone: track 2 wins, track 1 adds the name.
void check_both(const kiosk::drivers::RawTracks& tracks) {
    const auto both = kiosk::drivers::parse_tracks(tracks);
    const auto one = kiosk::drivers::parse_track1(tracks.track1.view());
    const auto two = kiosk::drivers::parse_track2(tracks.track2.view());
    if (!both) {
        FUZZ_CHECK(kiosk::drivers::track_error_of(both.error()).has_value());
        const bool each_fine = (tracks.track1.empty() || one.ok()) && (tracks.track2.empty() || two.ok());
        const bool both_blank = tracks.track1.empty() && tracks.track2.empty();
        const bool pans_differ = one.ok() && two.ok() && one->pan != two->pan;
        FUZZ_CHECK(!each_fine || both_blank || pans_differ);
        return;
    }
    check_card(*both);
    if (tracks.track2.empty()) {
        FUZZ_CHECK(one.ok() && *both == *one);
        return;
    }
    FUZZ_CHECK(two.ok());
    CardData expected = *two;
    if (!tracks.track1.empty()) {
        FUZZ_CHECK(one.ok() && one->pan == two->pan);
        expected.cardholder_name = one->cardholder_name;
    }
    FUZZ_CHECK(*both == expected);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    check_track1(input);
    check_track2(input);

    kiosk::drivers::RawTracks tracks;
    const auto newline = input.find('\n');
    tracks.track1 = std::string(input.substr(0, newline));
    if (newline != std::string_view::npos) tracks.track2 = std::string(input.substr(newline + 1));
    check_track1(tracks.track1.view());
    check_track2(tracks.track2.view());
    check_both(tracks);
    return 0;
}
