// How kioskctl turns stored values into terminal text: times in ISO-8601 UTC, ages, and a guard
// for text fields that come from the database.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::kioskctl {

// "2026-01-05T10:15:30.123Z".
std::string iso8601_utc(std::int64_t unix_ms);

// "3d 04h 05m 06s", "5m 06s", "12s"; sub-second ages are "0s". A negative age (the record is
// dated after `now`, so a clock was changed) says so instead of printing a minus sign.
std::string format_age(std::int64_t age_ms);

// A stored text field made safe to print: control characters become \xNN, so a field cannot
// forge an extra output line or send escape sequences to the terminal; and any run of 13–19
// digits that passes the Luhn check is masked with security::mask_pan, because nothing this tool
// prints may show a card number even if one was wrongly stored.
std::string safe_text(std::string_view text);

}  // namespace kiosk::kioskctl
