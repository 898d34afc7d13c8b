// UTC days of the CX statistics: formatting, the day before (across a month and a year), parsing.
#include "kiosk/cx/cx_day.hpp"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

constexpr std::int64_t kMidnight = 1'767'571'200'000;  // 2026-01-05T00:00:00.000Z

TEST(CxDay, TheUtcDayOfATime) {
    EXPECT_EQ(utc_day_of_unix_ms(kMidnight), "2026-01-05");
    EXPECT_EQ(utc_day_of_unix_ms(kMidnight - 1), "2026-01-04");
    EXPECT_EQ(utc_day_of_unix_ms(kMidnight + 86'400'000 - 1), "2026-01-05");
    EXPECT_EQ(utc_day_of_unix_ms(0), "1970-01-01");
}

TEST(CxDay, TheDayBeforeCrossesMonthsAndYears) {
    EXPECT_EQ(previous_utc_day(from_unix_millis(kMidnight)), "2026-01-04");
    EXPECT_EQ(previous_utc_day(from_unix_millis(kMidnight - 4 * 86'400'000)), "2025-12-31");
    EXPECT_EQ(previous_utc_day(*parse_utc_day("2028-03-01")), "2028-02-29");
}

TEST(CxDay, ParsesOnlyRealDates) {
    EXPECT_EQ(to_unix_millis(*parse_utc_day("2026-01-05")), kMidnight);
    for (const char* bad : {"2026-1-05", "2026-02-30", "2026-13-01", "20260105", "2026-01-05T", "abcd-ef-gh", ""}) {
        EXPECT_FALSE(parse_utc_day(bad).has_value()) << bad;
    }
}

}  // namespace
}  // namespace kiosk
