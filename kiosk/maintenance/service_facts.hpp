// The service pages' facts in the technician's language: times as local HH:MM:SS, counts with
// their unit, reachability with its latency ("reachable, 23 ms at 14:02:11"). Each is an i18n key
// with its numbers as arguments (ui/i18n_strings.cpp, "service.value.*"); only a device's or a far
// end's own words (an error text) stay as they came.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/clock.hpp"
#include "common/round_trip.hpp"
#include "ui/view_model.hpp"

namespace kiosk::maintenance {

// "14:02:11" in the terminal's local time zone (the technician's wall clock).
std::string local_time_of_day(TimePoint at);

// label: a value key with its arguments.
ui::FactLine keyed_fact(std::string label_key, std::string value_key, std::vector<std::string> args = {});
// label: literal words (an error as the far end gave it).
ui::FactLine text_fact(std::string label_key, std::string value);

// "12 records" / "12 条记录"; the unit key is "service.value.<unit>" with one "{}".
ui::FactLine count_fact(std::string label_key, std::int64_t count, std::string_view unit);
// "14:02:11", or "none yet" when there is no time.
ui::FactLine time_fact(std::string label_key, std::optional<TimePoint> at);
// The far end's last round trip: "reachable, 23 ms at 14:02:11", "unreachable since 14:01:50:
// <error>", or "not tried yet".
ui::FactLine round_trip_fact(std::string label_key, const std::optional<RoundTrip>& last);

}  // namespace kiosk::maintenance
