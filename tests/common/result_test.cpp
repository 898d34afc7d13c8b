#include "common/result.hpp"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

Result<int> parse_positive(int value) {
    if (value <= 0) return make_error("test", "not positive: " + std::to_string(value));
    return value;
}

Status twice_positive(int value) {
    KIOSK_TRY(parse_positive(value));
    KIOSK_TRY(parse_positive(value - 1));
    return ok_status();
}

TEST(ResultTest, CarriesValueOrError) {
    auto good = parse_positive(3);
    ASSERT_TRUE(good.ok());
    EXPECT_EQ(*good, 3);

    auto bad = parse_positive(-1);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().domain, "test");
    EXPECT_EQ(bad.error().message, "not positive: -1");
    EXPECT_EQ(bad.value_or(7), 7);
}

TEST(ResultTest, TryPropagatesTheFirstFailure) {
    EXPECT_TRUE(twice_positive(2).ok());
    const Status failed = twice_positive(1);
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().message, "not positive: 0");
}

TEST(ResultTest, ErrorTextKeepsNativeCode) {
    EXPECT_EQ(make_error("sqlite", "database is locked", 5).to_string(),
              "sqlite: database is locked (code 5)");
    EXPECT_EQ(make_error("config", "missing kiosk_id").to_string(), "config: missing kiosk_id");
}

}  // namespace
}  // namespace kiosk
