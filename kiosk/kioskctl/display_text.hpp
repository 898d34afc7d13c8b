// How kioskctl turns stored values into terminal text: times in ISO-8601 UTC, ages, and a guard
// for text fields that come from the database.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/iso8601_utc.hpp"  // iso8601_utc: "2026-01-05T10:15:30.123Z"

namespace kiosk::kioskctl {

// "3d 04h 05m 06s", "5m 06s", "12s"; sub-second ages are "0s". A negative age (the record is
// dated after `now`, so a clock was changed) says so instead of printing a minus sign.
std::string format_age(std::int64_t age_ms);

// A stored text field made safe to print: control characters become \xNN, so a field cannot
// forge an extra output line or send escape sequences to the terminal; and card numbers are masked
// as in the kiosk's log (kiosk/service/card_data_scrubber.hpp: a Luhn-valid run of 13–19 digits,
// and track data after it), because nothing this tool prints may show a card number even if one
// was wrongly stored.
std::string safe_text(std::string_view text);

}  // namespace kiosk::kioskctl
