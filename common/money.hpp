// An amount of money in minor units (fen, cents) of one ISO 4217 currency. No floating point.
// The aggregate keeps its exponent beside the code (a hundred call sites build one as
// Money{minor, "CNY", 2}); make_money() takes the exponent from the table and check_money() says
// whether a Money's pair agrees with it. format_money() is the one way an amount becomes text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/currency.hpp"
#include "common/result.hpp"

namespace kiosk {

struct Money {
    std::int64_t minor_units = 0;
    std::string currency = "CNY";  // ISO 4217 alphabetic code
    int exponent = 2;              // minor units per major unit = 10^exponent

    // Another amount in the same currency (a zero dispensed, a negated posting).
    [[nodiscard]] Money with_minor_units(std::int64_t minor) const { return Money{minor, currency, exponent}; }

    friend bool operator==(const Money&, const Money&) = default;
};

// `minor_units` of `currency`, its exponent from the ISO 4217 table; an unknown code is refused,
// naming it.
Result<Money> make_money(std::int64_t minor_units, std::string_view currency);

// The currency is in the table and the exponent is the table's.
Status check_money(const Money& money);

// Same code and exponent: amounts that may be added or compared.
[[nodiscard]] inline bool same_currency(const Money& a, const Money& b) {
    return a.currency == b.currency && a.exponent == b.exponent;
}

struct MoneyFormat {
    std::string_view symbol;              // written instead of "<code> " ("¥"); empty: the code
    bool group_thousands = true;          // "1,234.56"
    bool whole_without_fraction = false;  // "CNY 1,000" for a whole amount (cash buttons)
};

// "CNY 1,234.56", "-CNY 1.50", "JPY 1,500", "KWD 1.234". Exact for every int64, INT64_MIN
// included. Uses the Money's own exponent (its minor units mean nothing without it), clamped
// to 0–18 so 10^exponent fits 64 bits.
[[nodiscard]] std::string format_money(const Money& money, const MoneyFormat& format = {});

}  // namespace kiosk
