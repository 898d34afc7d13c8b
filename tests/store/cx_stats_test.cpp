// CxStats: a day's summaries come back in order and only that day's; availability adds up per
// day; and a business step writes its statistics with the rest or not at all.
#include "store/cx_stats.hpp"

#include <gtest/gtest.h>

#include "store/business_step.hpp"
#include "store/database.hpp"
#include "store/outbox.hpp"
#include "test_records.hpp"

namespace kiosk::store {
namespace {

class CxStatsTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Database::open_in_memory();
        ASSERT_TRUE(opened.ok()) << opened.error().to_string();
        database_.emplace(std::move(opened).value());
    }
    Database& db() { return *database_; }
    std::optional<Database> database_;
};

TEST_F(CxStatsTest, ADaysRowsComeBackInOrderAndOnlyThatDays) {
    CxStats stats(db());
    ASSERT_TRUE(stats.add({"2026-01-05", "journey", R"({"outcome":"completed"})"}).ok());
    ASSERT_TRUE(stats.add({"2026-01-06", "journey", R"({"outcome":"cancelled"})"}).ok());
    ASSERT_TRUE(stats.add({"2026-01-05", "survey", R"({"status":"answered"})"}).ok());
    auto rows = stats.of_day("2026-01-05");
    ASSERT_TRUE(rows.ok()) << rows.error().to_string();
    ASSERT_EQ(rows->size(), 2U);
    EXPECT_EQ((*rows)[0].kind, "journey");
    EXPECT_EQ((*rows)[0].summary_json, R"({"outcome":"completed"})");
    EXPECT_EQ((*rows)[1].kind, "survey");
    EXPECT_TRUE(stats.of_day("2026-01-07")->empty());
}

TEST_F(CxStatsTest, AvailabilityAddsUpPerDay) {
    CxStats stats(db());
    EXPECT_FALSE(stats.availability_of("2026-01-05")->has_value());
    ASSERT_TRUE(stats.add_availability({"2026-01-05", 1000, 0}).ok());
    ASSERT_TRUE(stats.add_availability({"2026-01-05", 500, 250}).ok());
    ASSERT_TRUE(stats.add_availability({"2026-01-06", 7, 3}).ok());
    auto day = stats.availability_of("2026-01-05");
    ASSERT_TRUE(day.ok() && day->has_value());
    EXPECT_EQ((*day)->in_service_ms, 1500);
    EXPECT_EQ((*day)->out_of_service_ms, 250);
    EXPECT_EQ((*stats.availability_of("2026-01-06"))->out_of_service_ms, 3);
}

TEST_F(CxStatsTest, ABusinessStepWritesItsStatisticsWithTheRest) {
    BusinessStep step;
    step.outbox.push_back(test::make_record("r-1"));
    step.stats.push_back({"2026-01-05", "journey", "{}"});
    step.availability.push_back({"2026-01-05", 60'000, 0});
    ASSERT_TRUE(commit(db(), step).ok());
    EXPECT_EQ(CxStats(db()).of_day("2026-01-05")->size(), 1U);
    EXPECT_EQ((*CxStats(db()).availability_of("2026-01-05"))->in_service_ms, 60'000);
}

TEST_F(CxStatsTest, AFailedBusinessStepLeavesNoStatistics) {
    BusinessStep first;
    first.outbox.push_back(test::make_record("dup"));
    ASSERT_TRUE(commit(db(), first).ok());
    BusinessStep second;
    second.stats.push_back({"2026-01-05", "journey", "{}"});
    second.availability.push_back({"2026-01-05", 60'000, 0});
    second.outbox.push_back(test::make_record("dup"));  // refused: the whole step rolls back
    EXPECT_FALSE(commit(db(), second).ok());
    EXPECT_TRUE(CxStats(db()).of_day("2026-01-05")->empty());
    EXPECT_FALSE(CxStats(db()).availability_of("2026-01-05")->has_value());
}

}  // namespace
}  // namespace kiosk::store
