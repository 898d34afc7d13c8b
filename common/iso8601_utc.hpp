// The one text form of a point in time for people and logs: ISO 8601 in UTC with milliseconds,
// "2026-01-05T10:15:30.123Z" (kioskctl's output, the kiosk's JSON-lines log).
#pragma once

#include <cstdint>
#include <string>

namespace kiosk {

// From Unix milliseconds; times before 1970 are written as such ("1969-12-31T23:59:59.999Z").
std::string iso8601_utc(std::int64_t unix_ms);

}  // namespace kiosk
