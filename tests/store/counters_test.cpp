// Counters: absent is 0, deltas accumulate (negative too), all() lists by name, and an int64
// overflow is refused without changing the stored value.
#include "store/counters.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "store/database.hpp"

namespace kiosk::store {
namespace {

class CountersTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Database::open_in_memory();
        ASSERT_TRUE(opened.ok()) << opened.error().to_string();
        database_.emplace(std::move(opened).value());
        counters_.emplace(*database_);
    }
    Counters& counters() { return *counters_; }

    std::optional<Database> database_;
    std::optional<Counters> counters_;
};

TEST_F(CountersTest, AnAbsentCounterIsZero) {
    auto value = counters().get("never");
    ASSERT_TRUE(value.ok());
    EXPECT_EQ(*value, 0);
}

TEST_F(CountersTest, DeltasAccumulate) {
    ASSERT_TRUE(counters().add("notes.cassette2", 5).ok());
    ASSERT_TRUE(counters().add("notes.cassette2", 3).ok());
    ASSERT_TRUE(counters().add("notes.cassette2", -2).ok());
    EXPECT_EQ(counters().get("notes.cassette2").value_or(-1), 6);
}

TEST_F(CountersTest, AllListsEveryCounterByName) {
    ASSERT_TRUE(counters().add("b", 2).ok());
    ASSERT_TRUE(counters().add("a", 1).ok());
    auto all = counters().all();
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(*all, (std::map<std::string, std::int64_t>{{"a", 1}, {"b", 2}}));
}

TEST_F(CountersTest, RefusesAnOverflowAndKeepsTheValue) {
    constexpr auto max = std::numeric_limits<std::int64_t>::max();
    ASSERT_TRUE(counters().add("big", max).ok());
    EXPECT_FALSE(counters().add("big", 1).ok());
    EXPECT_EQ(counters().get("big").value_or(0), max);
}

}  // namespace
}  // namespace kiosk::store
