// crm/retry_after: both RFC 9110 forms, against an injected "now".
#include "crm/retry_after.hpp"

#include <gtest/gtest.h>

namespace kiosk::crm {
namespace {

// 2015-10-21 07:28:00 UTC
const TimePoint now = from_unix_millis(1'445'412'480'000);

TEST(RetryAfter, ReadsDelaySeconds) {
    EXPECT_EQ(parse_retry_after("120", now), Millis{120'000});
    EXPECT_EQ(parse_retry_after(" 0 ", now), Millis{0});
}

TEST(RetryAfter, ReadsHttpDateRelativeToTheClock) {
    EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now), Millis{30'000});
    EXPECT_EQ(parse_retry_after("Thu, 22 Oct 2015 07:28:00 GMT", now), Millis{86'400'000});
    EXPECT_EQ(parse_retry_after("Tue, 20 Oct 2015 07:28:00 GMT", now), Millis{0});  // already past
}

TEST(RetryAfter, RejectsAnythingElse) {
    EXPECT_FALSE(parse_retry_after("", now));
    EXPECT_FALSE(parse_retry_after("-5", now));
    EXPECT_FALSE(parse_retry_after("soon", now));
    EXPECT_FALSE(parse_retry_after("1.5", now));
    EXPECT_FALSE(parse_retry_after("Wed, 32 Oct 2015 07:28:00 GMT", now));
    EXPECT_FALSE(parse_retry_after("Wed, 21 Foo 2015 07:28:00 GMT", now));
    EXPECT_FALSE(parse_retry_after("Wednesday, 21-Oct-15 07:28:00 GMT", now));
}

}  // namespace
}  // namespace kiosk::crm
