// AvailabilityTracker: time in and out of service, persisted at each change, at a new day and at
// least every flush interval, split at UTC midnight, nothing counted before the first turn.
#include "kiosk/cx/availability_tracker.hpp"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

constexpr std::int64_t kMidnight = 1'767'571'200'000;  // 2026-01-05T00:00:00.000Z
constexpr std::int64_t kMinute = 60'000;

TimePoint at(std::int64_t unix_ms) { return from_unix_millis(unix_ms); }

TEST(AvailabilityTracker, TheFirstTurnOnlyStartsTheMeasurement) {
    AvailabilityTracker tracker;
    EXPECT_TRUE(tracker.observe(at(kMidnight + 10 * kMinute), true).empty());
}

TEST(AvailabilityTracker, AChangeInOrOutOfServicePersistsTheTimeBeforeIt) {
    AvailabilityTracker tracker;
    const std::int64_t start = kMidnight + 60 * kMinute;
    tracker.observe(at(start), true);
    EXPECT_TRUE(tracker.observe(at(start + kMinute), true).empty());
    EXPECT_TRUE(tracker.observe(at(start + 2 * kMinute), true).empty());
    // Out of service at minute 3: the three minutes before were in service.
    auto due = tracker.observe(at(start + 3 * kMinute), false);
    ASSERT_EQ(due.size(), 1U);
    EXPECT_EQ(due[0].day, "2026-01-05");
    EXPECT_EQ(due[0].in_service_ms, 3 * kMinute);
    EXPECT_EQ(due[0].out_of_service_ms, 0);
    EXPECT_TRUE(tracker.observe(at(start + 4 * kMinute), false).empty());
    due = tracker.observe(at(start + 8 * kMinute), true);  // back: five minutes out of service
    ASSERT_EQ(due.size(), 1U);
    EXPECT_EQ(due[0].in_service_ms, 0);
    EXPECT_EQ(due[0].out_of_service_ms, 5 * kMinute);
}

TEST(AvailabilityTracker, ALongSteadyStretchIsPersistedEveryFlushInterval) {
    AvailabilityTracker tracker(Millis(10 * kMinute));
    tracker.observe(at(kMidnight + kMinute), true);
    for (int minute = 2; minute < 11; ++minute) EXPECT_TRUE(tracker.observe(at(kMidnight + minute * kMinute), true).empty());
    const auto due = tracker.observe(at(kMidnight + 11 * kMinute), true);
    ASSERT_EQ(due.size(), 1U);
    EXPECT_EQ(due[0].in_service_ms, 10 * kMinute);
}

TEST(AvailabilityTracker, TimeAcrossMidnightIsSplitBetweenTheDays) {
    AvailabilityTracker tracker(Millis(24 * 60 * kMinute));
    tracker.observe(at(kMidnight - 5 * kMinute), false);  // 23:55 on the 4th, out of service
    const auto due = tracker.observe(at(kMidnight + 2 * kMinute), false);  // first turn of the 5th
    ASSERT_EQ(due.size(), 2U);
    EXPECT_EQ(due[0].day, "2026-01-04");
    EXPECT_EQ(due[0].out_of_service_ms, 5 * kMinute);
    EXPECT_EQ(due[1].day, "2026-01-05");
    EXPECT_EQ(due[1].out_of_service_ms, 2 * kMinute);
}

TEST(AvailabilityTracker, AClockThatWentBackHandsOverWhatWasMeasuredAndRestarts) {
    AvailabilityTracker tracker;
    tracker.observe(at(kMidnight + 10 * kMinute), true);
    tracker.observe(at(kMidnight + 12 * kMinute), true);
    auto due = tracker.observe(at(kMidnight + 5 * kMinute), true);
    ASSERT_EQ(due.size(), 1U);
    EXPECT_EQ(due[0].in_service_ms, 2 * kMinute);
    due = tracker.observe(at(kMidnight + 6 * kMinute), false);
    ASSERT_EQ(due.size(), 1U);
    EXPECT_EQ(due[0].in_service_ms, kMinute);  // from the restart, not from minute 12
}

}  // namespace
}  // namespace kiosk
