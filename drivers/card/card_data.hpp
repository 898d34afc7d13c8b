// What the kiosk keeps from a magnetic stripe: in memory only, for one session. Never log, print
// or persist it; security/ turns the PAN into a token and a masked form before anything is stored.
#pragma once

#include <string>

namespace kiosk::drivers {

struct CardData {
    std::string pan;
    std::string cardholder_name;  // from track 1; empty when only track 2 was read
    std::string expiry_yymm;      // empty when the card carries none
    std::string service_code;     // empty when the card carries none

    friend bool operator==(const CardData&, const CardData&) = default;
};

// Raw track text as the reader returns it, sentinels included; empty when the track was blank.
struct RawTracks {
    std::string track1;
    std::string track2;
};

// True when a card valid through `expiry_yymm` (through the last day of that month) has expired
// by `year`/`month` (e.g. 2026, 1). A card without an expiry date never expires here.
bool expired_at(const std::string& expiry_yymm, int year, int month);

}  // namespace kiosk::drivers
