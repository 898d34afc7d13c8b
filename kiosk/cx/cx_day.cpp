#include "kiosk/cx/cx_day.hpp"

#include <chrono>
#include <cstdio>

namespace kiosk {

namespace {

std::string format_day(std::chrono::sys_days day) {
    const std::chrono::year_month_day date(day);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

}  // namespace

std::string utc_day(TimePoint time) { return format_day(std::chrono::floor<std::chrono::days>(time)); }

std::string utc_day_of_unix_ms(std::int64_t unix_ms) { return utc_day(from_unix_millis(unix_ms)); }

std::string previous_utc_day(TimePoint time) {
    return format_day(std::chrono::floor<std::chrono::days>(time) - std::chrono::days{1});
}

std::optional<TimePoint> parse_utc_day(std::string_view day) {
    if (day.size() != 10 || day[4] != '-' || day[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int i = 0; i < 3; ++i) {
        for (std::size_t j = starts[i]; j < starts[i] + lengths[i]; ++j) {
            if (day[j] < '0' || day[j] > '9') return std::nullopt;
            parts[i] = parts[i] * 10 + (day[j] - '0');
        }
    }
    const std::chrono::year_month_day date{std::chrono::year{parts[0]}, std::chrono::month{static_cast<unsigned>(parts[1])},
                                           std::chrono::day{static_cast<unsigned>(parts[2])}};
    if (!date.ok()) return std::nullopt;
    return std::chrono::time_point_cast<Millis>(std::chrono::sys_days(date));
}

}  // namespace kiosk
