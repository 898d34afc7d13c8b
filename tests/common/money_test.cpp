// Money: the exponent from the ISO 4217 table, validation, and the one formatter (every int64,
// INT64_MIN included).
#include "common/money.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace kiosk {
namespace {

TEST(Money, MakeMoneyTakesTheExponentFromTheCurrency) {
    EXPECT_EQ(*make_money(12345, "CNY"), (Money{12345, "CNY", 2}));
    EXPECT_EQ(*make_money(1500, "JPY"), (Money{1500, "JPY", 0}));
    EXPECT_EQ(*make_money(1234, "KWD"), (Money{1234, "KWD", 3}));
}

TEST(Money, UnknownCurrencyIsRefusedNamingTheCode) {
    auto refused = make_money(100, "XYZ");
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("XYZ"), std::string::npos);
    auto checked = check_money(Money{100, "XYZ", 2});
    ASSERT_FALSE(checked.ok());
    EXPECT_NE(checked.error().message.find("XYZ"), std::string::npos);
}

TEST(Money, CheckRefusesAnExponentTheTableDoesNotGive) {
    EXPECT_TRUE(check_money(Money{100, "CNY", 2}).ok());
    auto wrong = check_money(Money{100, "JPY", 2});
    ASSERT_FALSE(wrong.ok());
    EXPECT_NE(wrong.error().message.find("JPY"), std::string::npos);
}

TEST(Money, WithMinorUnitsKeepsTheCurrency) {
    const Money amount{50000, "HKD", 2};
    EXPECT_EQ(amount.with_minor_units(0), (Money{0, "HKD", 2}));
    EXPECT_TRUE(same_currency(amount, amount.with_minor_units(-1)));
    EXPECT_FALSE(same_currency(amount, Money{50000, "USD", 2}));
    EXPECT_FALSE(same_currency(amount, Money{50000, "HKD", 0}));
}

TEST(MoneyFormat, CodeGroupedDigitsAndTheCurrencysDecimals) {
    EXPECT_EQ(format_money(Money{123456, "CNY", 2}), "CNY 1,234.56");
    EXPECT_EQ(format_money(Money{5, "CNY", 2}), "CNY 0.05");
    EXPECT_EQ(format_money(Money{0, "USD", 2}), "USD 0.00");
    EXPECT_EQ(format_money(Money{1500, "JPY", 0}), "JPY 1,500");
    EXPECT_EQ(format_money(Money{1234567, "KWD", 3}), "KWD 1,234.567");
    EXPECT_EQ(format_money(Money{100, "CNY", 2}), "CNY 1.00");
    EXPECT_EQ(format_money(Money{99999, "CNY", 2}), "CNY 999.99");
    EXPECT_EQ(format_money(Money{100000, "CNY", 2}), "CNY 1,000.00");
}

TEST(MoneyFormat, NegativeAmountsLeadWithTheSign) {
    EXPECT_EQ(format_money(Money{-150, "CNY", 2}), "-CNY 1.50");
    EXPECT_EQ(format_money(Money{-1, "USD", 2}), "-USD 0.01");
    EXPECT_EQ(format_money(Money{-1500, "JPY", 0}), "-JPY 1,500");
}

TEST(MoneyFormat, ExtremesDoNotOverflow) {
    constexpr std::int64_t lowest = std::numeric_limits<std::int64_t>::min();
    constexpr std::int64_t highest = std::numeric_limits<std::int64_t>::max();
    EXPECT_EQ(format_money(Money{lowest, "CNY", 2}), "-CNY 92,233,720,368,547,758.08");
    EXPECT_EQ(format_money(Money{highest, "CNY", 2}), "CNY 92,233,720,368,547,758.07");
    EXPECT_EQ(format_money(Money{lowest, "JPY", 0}), "-JPY 9,223,372,036,854,775,808");
    EXPECT_EQ(format_money(Money{lowest, "CNY", 2}, MoneyFormat{"", false, false}), "-CNY 92233720368547758.08");
    // An exponent beyond 18 is clamped so 10^exponent stays within 64 bits.
    EXPECT_EQ(format_money(Money{lowest, "XTS", 40}), "-XTS 9.223372036854775808");
    EXPECT_EQ(format_money(Money{5, "XTS", -3}), "XTS 5");
}

TEST(MoneyFormat, SymbolGroupingAndWholeAmountOptions) {
    EXPECT_EQ(format_money(Money{123456, "CNY", 2}, MoneyFormat{"¥", true, false}), "¥1,234.56");
    EXPECT_EQ(format_money(Money{123456, "CNY", 2}, MoneyFormat{"", false, false}), "CNY 1234.56");
    EXPECT_EQ(format_money(Money{100000, "CNY", 2}, MoneyFormat{"", true, true}), "CNY 1,000");
    EXPECT_EQ(format_money(Money{100050, "CNY", 2}, MoneyFormat{"", true, true}), "CNY 1,000.50");
    EXPECT_EQ(format_money(Money{-20000, "CNY", 2}, MoneyFormat{"¥", true, true}), "-¥200");
}

}  // namespace
}  // namespace kiosk
