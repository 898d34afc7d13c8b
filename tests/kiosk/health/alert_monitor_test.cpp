// AlertMonitor's episode rule: raised once when a condition first holds, cleared only after it has
// been absent for the whole hold; back within the hold is the same episode.
#include "kiosk/health/alert_monitor.hpp"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

const Alert kPaper{"paper_near_end", AlertSeverity::warning, "receipt paper near its end", "replace the roll"};
const Alert kCassette{"cassette_low.1", AlertSeverity::warning, "cassette 1 low", "replenish"};
constexpr Millis kHold{60'000};

TimePoint at(std::int64_t seconds) { return from_unix_millis(1'767'600'000'000 + seconds * 1000); }

int count(const std::vector<AlertChange>& changes, AlertTransition transition) {
    int found = 0;
    for (const AlertChange& change : changes) found += change.transition == transition ? 1 : 0;
    return found;
}

TEST(AlertMonitor, RaisesOnceWhileTheConditionHolds) {
    AlertMonitor monitor(kHold);
    auto first = monitor.observe({kPaper}, at(0));
    ASSERT_EQ(first.size(), 1U);
    EXPECT_EQ(first[0].transition, AlertTransition::raised);
    EXPECT_EQ(first[0].alert, kPaper);
    EXPECT_EQ(first[0].raised_at, at(0));
    for (int second = 2; second < 600; second += 2) EXPECT_TRUE(monitor.observe({kPaper}, at(second)).empty());
    ASSERT_EQ(monitor.open().size(), 1U);
}

TEST(AlertMonitor, ClearsOnlyAfterTheWholeHold) {
    AlertMonitor monitor(kHold);
    monitor.observe({kPaper}, at(0));
    EXPECT_TRUE(monitor.observe({}, at(10)).empty());  // absent since 10 s
    EXPECT_TRUE(monitor.observe({}, at(69)).empty());  // 59 s absent
    auto cleared = monitor.observe({}, at(70));
    ASSERT_EQ(cleared.size(), 1U);
    EXPECT_EQ(cleared[0].transition, AlertTransition::cleared);
    EXPECT_EQ(cleared[0].raised_at, at(0));
    EXPECT_EQ(cleared[0].at, at(70));
    EXPECT_TRUE(monitor.open().empty());
}

// `count` times: the condition holds for 5 s, then is absent for `gap` (looked at as it goes and at
// the gap's end); returns every change, `now` is moved on.
std::vector<AlertChange> flap(AlertMonitor& monitor, int count, std::int64_t gap_seconds, std::int64_t& now) {
    std::vector<AlertChange> all;
    auto keep = [&all](const std::vector<AlertChange>& changes) { all.insert(all.end(), changes.begin(), changes.end()); };
    for (int flap_number = 0; flap_number < count; ++flap_number) {
        keep(monitor.observe({kPaper}, at(now)));
        keep(monitor.observe({}, at(now + 5)));
        keep(monitor.observe({}, at(now + 5 + gap_seconds)));
        now += 5 + gap_seconds + 1;
    }
    return all;
}

TEST(AlertMonitor, TwentyQuickFlapsAreOneEpisode) {
    AlertMonitor monitor(kHold);
    std::int64_t now = 0;
    auto all = flap(monitor, 20, 20, now);  // back within the hold each time
    EXPECT_EQ(count(all, AlertTransition::raised), 1);
    EXPECT_EQ(count(all, AlertTransition::cleared), 0);
    all = monitor.observe({}, at(now + 61));
    EXPECT_EQ(count(all, AlertTransition::cleared), 1);
}

TEST(AlertMonitor, TwentyFlapsBeyondTheHoldAreTwentyEpisodes) {
    AlertMonitor monitor(kHold);
    std::int64_t now = 0;
    const auto all = flap(monitor, 20, 60, now);  // the hold has passed each time
    EXPECT_EQ(count(all, AlertTransition::raised), 20);
    EXPECT_EQ(count(all, AlertTransition::cleared), 20);
}

TEST(AlertMonitor, ConditionsAreEpisodesOfTheirOwn) {
    AlertMonitor monitor(kHold);
    EXPECT_EQ(monitor.observe({kPaper}, at(0)).size(), 1U);
    auto second = monitor.observe({kPaper, kCassette}, at(2));
    ASSERT_EQ(second.size(), 1U);
    EXPECT_EQ(second[0].alert.id, "cassette_low.1");
    monitor.observe({kCassette}, at(4));
    auto cleared = monitor.observe({kCassette}, at(64));
    ASSERT_EQ(cleared.size(), 1U);
    EXPECT_EQ(cleared[0].alert.id, "paper_near_end");
    ASSERT_EQ(monitor.open().size(), 1U);
    EXPECT_EQ(monitor.open()[0].id, "cassette_low.1");
}

}  // namespace
}  // namespace kiosk
