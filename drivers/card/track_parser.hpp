// Parses ISO/IEC 7813 track 1 and track 2 text into CardData, with typed errors. Messages never
// contain the PAN or any other track content.
#pragma once

#include <optional>
#include <string_view>

#include "common/result.hpp"
#include "drivers/card/card_data.hpp"

namespace kiosk::drivers {

// Carried in Error::native_code with domain "track".
enum class TrackError : std::uint8_t {
    empty = 1,           // no track data at all
    tooLong,             // track 1 > 79, track 2 > 40 characters
    noStartSentinel,     // not '%' (track 1) / ';' (track 2)
    noEndSentinel,       // last character is not '?'
    badFormatCode,       // track 1 format code is not 'B'
    missingSeparator,    // '^' or '=' field separator absent
    badPan,              // not 8–19 digits
    badLuhn,             // PAN check digit wrong
    badName,             // track 1 name not 2–26 valid characters
    badExpiry,           // not YYMM with month 01–12
    badServiceCode,      // not 3 digits
    badCharacter,        // a character outside the track's character set
    panMismatch,         // track 1 and track 2 carry different PANs
};

inline constexpr std::string_view track_error_domain = "track";
inline constexpr std::size_t track1_max_length = 79;
inline constexpr std::size_t track2_max_length = 40;

std::string_view to_string(TrackError error);
std::optional<TrackError> track_error_of(const Error& error);

Result<CardData> parse_track1(std::string_view track);
Result<CardData> parse_track2(std::string_view track);

// Both tracks: each non-empty track must parse and their PANs must agree; track 2 supplies PAN,
// expiry and service code, track 1 the name. Fails with `empty` when both are blank.
Result<CardData> parse_tracks(const RawTracks& tracks);

}  // namespace kiosk::drivers
