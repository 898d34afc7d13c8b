// ISO/IEC 7813 track parser (protocols.md, "Magnetic stripe").
#include "drivers/card/track_parser.hpp"

#include <algorithm>
#include <string>

#include "drivers/card/luhn.hpp"

namespace kiosk::drivers {
namespace {

Error track_error(TrackError kind, std::string_view track_name, std::string_view detail = {}) {
    std::string message = std::string(track_name) + ": " + std::string(to_string(kind));
    if (!detail.empty()) message += " (" + std::string(detail) + ")";
    return make_error(std::string(track_error_domain), message, static_cast<int>(kind));
}

bool all_digits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<TrackError> check_pan(std::string_view pan) {
    if (pan.size() < 8 || pan.size() > 19 || !all_digits(pan)) return TrackError::badPan;
    if (!luhn_valid(pan)) return TrackError::badLuhn;
    return std::nullopt;
}

bool valid_expiry(std::string_view yymm) {
    if (yymm.size() != 4 || !all_digits(yymm)) return false;
    const int month = (yymm[2] - '0') * 10 + (yymm[3] - '0');
    return month >= 1 && month <= 12;
}

// Track 1 name: 6-bit alphanumeric set without the sentinels and the separator.
bool valid_name_char(char c) {
    return c >= 0x20 && c <= 0x5F && c != '%' && c != '?' && c != '^';
}

// Reads the optional expiry and service code that follow the last separator; a field is either
// its digits or one separator character meaning "absent".
Result<CardData> read_tail(CardData card, std::string_view tail, char separator,
                           std::string_view track_name) {
    if (!tail.empty() && tail.front() == separator) {
        tail.remove_prefix(1);
    } else {
        if (tail.size() < 4 || !valid_expiry(tail.substr(0, 4))) {
            return track_error(TrackError::badExpiry, track_name);
        }
        card.expiry_yymm = std::string(tail.substr(0, 4));
        tail.remove_prefix(4);
    }
    if (!tail.empty() && tail.front() == separator) {
        tail.remove_prefix(1);
    } else {
        if (tail.size() < 3 || !all_digits(tail.substr(0, 3))) {
            return track_error(TrackError::badServiceCode, track_name);
        }
        card.service_code = std::string(tail.substr(0, 3));
    }
    return card;
}

}  // namespace

std::string_view to_string(TrackError error) {
    switch (error) {
        case TrackError::empty: return "no track data";
        case TrackError::tooLong: return "track too long";
        case TrackError::noStartSentinel: return "no start sentinel";
        case TrackError::noEndSentinel: return "no end sentinel";
        case TrackError::badFormatCode: return "format code is not B";
        case TrackError::missingSeparator: return "missing field separator";
        case TrackError::badPan: return "PAN is not 8-19 digits";
        case TrackError::badLuhn: return "PAN fails the Luhn check";
        case TrackError::badName: return "cardholder name invalid";
        case TrackError::badExpiry: return "expiry is not YYMM";
        case TrackError::badServiceCode: return "service code is not 3 digits";
        case TrackError::badCharacter: return "character outside the track's set";
        case TrackError::panMismatch: return "track 1 and track 2 PANs differ";
    }
    return "unknown track error";
}

std::optional<TrackError> track_error_of(const Error& error) {
    if (error.domain != track_error_domain) return std::nullopt;
    if (error.native_code < static_cast<int>(TrackError::empty) ||
        error.native_code > static_cast<int>(TrackError::panMismatch)) {
        return std::nullopt;
    }
    return static_cast<TrackError>(error.native_code);
}

Result<CardData> parse_track1(std::string_view track) {
    constexpr std::string_view name = "track 1";
    if (track.empty()) return track_error(TrackError::empty, name);
    if (track.size() > track1_max_length) {
        return track_error(TrackError::tooLong, name,
                           std::to_string(track.size()) + " characters, at most 79");
    }
    if (track.front() != '%') return track_error(TrackError::noStartSentinel, name);
    if (track.size() < 2 || track.back() != '?') return track_error(TrackError::noEndSentinel, name);
    std::string_view body = track.substr(1, track.size() - 2);
    if (!std::all_of(body.begin(), body.end(), [](char c) { return c >= 0x20 && c <= 0x5F; }) ||
        body.find_first_of("%?") != std::string_view::npos) {
        return track_error(TrackError::badCharacter, name);
    }
    if (body.empty() || body.front() != 'B') return track_error(TrackError::badFormatCode, name);
    body.remove_prefix(1);

    const auto pan_end = body.find('^');
    if (pan_end == std::string_view::npos) return track_error(TrackError::missingSeparator, name);
    if (auto bad = check_pan(body.substr(0, pan_end))) return track_error(*bad, name);
    CardData card;
    card.pan = body.substr(0, pan_end);
    body.remove_prefix(pan_end + 1);

    const auto name_end = body.find('^');
    if (name_end == std::string_view::npos) return track_error(TrackError::missingSeparator, name);
    std::string_view holder = body.substr(0, name_end);
    if (holder.size() < 2 || holder.size() > 26 ||
        !std::all_of(holder.begin(), holder.end(), valid_name_char)) {
        return track_error(TrackError::badName, name,
                           std::to_string(holder.size()) + " characters");
    }
    while (!holder.empty() && holder.back() == ' ') holder.remove_suffix(1);
    card.cardholder_name = std::string(holder);
    body.remove_prefix(name_end + 1);

    return read_tail(std::move(card), body, '^', name);
}

Result<CardData> parse_track2(std::string_view track) {
    constexpr std::string_view name = "track 2";
    if (track.empty()) return track_error(TrackError::empty, name);
    if (track.size() > track2_max_length) {
        return track_error(TrackError::tooLong, name,
                           std::to_string(track.size()) + " characters, at most 40");
    }
    if (track.front() != ';') return track_error(TrackError::noStartSentinel, name);
    if (track.size() < 2 || track.back() != '?') return track_error(TrackError::noEndSentinel, name);
    std::string_view body = track.substr(1, track.size() - 2);
    // Track 2 data characters are digits and the '=' separator; the other BCD-set codes
    // (: ; < > ?) are control characters that may not appear inside the data.
    if (!std::all_of(body.begin(), body.end(),
                     [](char c) { return (c >= '0' && c <= '9') || c == '='; })) {
        return track_error(TrackError::badCharacter, name);
    }

    const auto pan_end = body.find('=');
    if (pan_end == std::string_view::npos) return track_error(TrackError::missingSeparator, name);
    if (auto bad = check_pan(body.substr(0, pan_end))) return track_error(*bad, name);
    CardData card;
    card.pan = body.substr(0, pan_end);
    body.remove_prefix(pan_end + 1);

    return read_tail(std::move(card), body, '=', name);
}

Result<CardData> parse_tracks(const RawTracks& tracks) {
    if (tracks.track1.empty() && tracks.track2.empty()) {
        return track_error(TrackError::empty, "tracks 1 and 2");
    }
    std::optional<CardData> from1;
    if (!tracks.track1.empty()) {
        auto parsed = parse_track1(tracks.track1.view());
        if (!parsed) return parsed.error();
        from1 = std::move(parsed).value();
    }
    if (tracks.track2.empty()) return std::move(*from1);

    auto from2 = parse_track2(tracks.track2.view());
    if (!from2) return from2.error();
    CardData card = std::move(from2).value();
    if (from1) {
        if (!(from1->pan == card.pan)) return track_error(TrackError::panMismatch, "tracks 1 and 2");
        card.cardholder_name = std::move(from1->cardholder_name);
    }
    return card;
}

}  // namespace kiosk::drivers
