// record_priority: the kind → priority table of docs/cx-records.md, and what may be dropped.
#include "store/record_priority.hpp"

#include <gtest/gtest.h>

namespace kiosk::store {
namespace {

TEST(RecordPriority, FollowsTheContract) {
    EXPECT_EQ(record_priority("transaction"), RecordPriority::First);
    EXPECT_EQ(record_priority("complaint"), RecordPriority::First);
    EXPECT_EQ(record_priority("alert"), RecordPriority::First);  // health alerts home: never dropped
    EXPECT_EQ(record_priority("survey"), RecordPriority::Normal);
    EXPECT_EQ(record_priority("service_quality"), RecordPriority::Normal);
    EXPECT_EQ(record_priority("telemetry_dropped"), RecordPriority::Normal);
    EXPECT_EQ(record_priority("journey"), RecordPriority::Telemetry);
}

TEST(RecordPriority, AnUnknownKindIsNormalAndNeverDropped) {
    EXPECT_EQ(record_priority("kind_from_next_year"), RecordPriority::Normal);
    EXPECT_EQ(record_priority(""), RecordPriority::Normal);
    EXPECT_EQ(record_priority("Journey"), RecordPriority::Normal);  // kinds are exact, lower case
    EXPECT_FALSE(droppable(record_priority("kind_from_next_year")));
    EXPECT_FALSE(droppable(RecordPriority::First));
    EXPECT_FALSE(droppable(RecordPriority::Normal));
    EXPECT_TRUE(droppable(RecordPriority::Telemetry));
}

TEST(RecordPriority, TheStoredNumbersNeverChange) {
    EXPECT_EQ(static_cast<int>(RecordPriority::First), 0);
    EXPECT_EQ(static_cast<int>(RecordPriority::Normal), 1);
    EXPECT_EQ(static_cast<int>(RecordPriority::Telemetry), 2);
}

}  // namespace
}  // namespace kiosk::store
