// The ISO 4217 table: the currencies the code uses, their numbers and exponents, and refusal of
// codes it does not hold.
#include "common/currency.hpp"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

namespace kiosk {
namespace {

TEST(Currency, TableHoldsTheCurrenciesTheKioskUses) {
    const struct {
        std::string_view code, numeric;
        int exponent;
    } expected[] = {{"CNY", "156", 2}, {"USD", "840", 2}, {"EUR", "978", 2}, {"HKD", "344", 2},
                    {"GBP", "826", 2}, {"JPY", "392", 0}, {"KWD", "414", 3}};
    for (const auto& row : expected) {
        const Currency* found = find_currency(row.code);
        ASSERT_NE(found, nullptr) << row.code;
        EXPECT_EQ(found->numeric, row.numeric) << row.code;
        EXPECT_EQ(found->exponent, row.exponent) << row.code;
        EXPECT_EQ(find_currency_by_numeric(row.numeric), found) << row.code;
    }
}

TEST(Currency, CodesAndNumbersAreUniqueAndWellFormed) {
    std::set<std::string_view> codes;
    std::set<std::string_view> numbers;
    for (const Currency& currency : iso4217_currencies()) {
        EXPECT_TRUE(codes.insert(currency.code).second) << currency.code;
        EXPECT_TRUE(numbers.insert(currency.numeric).second) << currency.numeric;
        EXPECT_EQ(currency.code.size(), 3U);
        EXPECT_EQ(currency.numeric.size(), 3U);
        EXPECT_GE(currency.exponent, 0);
        EXPECT_LE(currency.exponent, 4);
    }
}

TEST(Currency, UnknownCodesAreRefusedByName) {
    EXPECT_EQ(find_currency("XAU"), nullptr);
    EXPECT_EQ(find_currency("cny"), nullptr);  // ISO 4217 codes are upper case
    auto refused = currency_of("XAU");
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("\"XAU\""), std::string::npos) << refused.error().message;
    auto by_number = currency_of_numeric("999");
    ASSERT_FALSE(by_number.ok());
    EXPECT_NE(by_number.error().message.find("\"999\""), std::string::npos);
    EXPECT_THROW((void)require_currency("ZZZ"), std::invalid_argument);
    EXPECT_EQ(require_currency("JPY").exponent, 0);
}

TEST(Currency, ARefusalShowsNoControlCharacters) {
    auto refused = currency_of(std::string_view("C\nY", 3));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().message.find('\n'), std::string::npos);
}

}  // namespace
}  // namespace kiosk
