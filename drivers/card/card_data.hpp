// What the kiosk keeps from a magnetic stripe: in memory only, for one session. Never log, print
// or persist it; security/ turns the PAN into a token and a masked form before anything is stored.
// PAN and track text are SecureStrings (common/secure_buffer.hpp): they wipe themselves.
#pragma once

#include <string>

#include "common/secure_buffer.hpp"

namespace kiosk::drivers {

struct CardData {
    SecureString pan;
    std::string cardholder_name;  // from track 1; empty when only track 2 was read
    std::string expiry_yymm;      // empty when the card carries none
    std::string service_code;     // empty when the card carries none

    friend bool operator==(const CardData&, const CardData&) = default;
};

// Raw track text as the reader returns it, sentinels included; empty when the track was blank.
struct RawTracks {
    SecureString track1;
    SecureString track2;
};

// True when a card valid through `expiry_yymm` (through the last day of that month) has expired
// by `year`/`month` (e.g. 2026, 1). A card without an expiry date never expires here.
bool expired_at(const std::string& expiry_yymm, int year, int month);

}  // namespace kiosk::drivers
