// Days of the customer-experience statistics: "YYYY-MM-DD" in UTC. The kiosk's day is the UTC day
// of its Clock (the config has no time zone yet); the CRM buckets records the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"

namespace kiosk {

std::string utc_day(TimePoint time);
std::string utc_day_of_unix_ms(std::int64_t unix_ms);
// The UTC day before `time`'s.
std::string previous_utc_day(TimePoint time);
// The start of a "YYYY-MM-DD" day (00:00:00.000 UTC); nullopt when it is not a valid date.
std::optional<TimePoint> parse_utc_day(std::string_view day);

}  // namespace kiosk
