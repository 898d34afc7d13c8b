// ISO 4217: the currencies the kiosk knows, with their numeric code (ISO 8583 field 49) and
// minor-unit exponent. A Money's exponent comes from here, not from a number typed beside the
// currency code at each call site.
#pragma once

#include <span>
#include <string_view>

#include "common/result.hpp"

namespace kiosk {

struct Currency {
    std::string_view code;     // alphabetic, "CNY"
    std::string_view numeric;  // three digits, "156"
    int exponent = 2;          // minor units per major unit = 10^exponent

    friend bool operator==(const Currency&, const Currency&) = default;
};

// Every currency of the table, by alphabetic code.
std::span<const Currency> iso4217_currencies();

// nullptr for a code the table does not hold.
const Currency* find_currency(std::string_view code);
const Currency* find_currency_by_numeric(std::string_view numeric);

// The currency of `code`; an unknown code is refused with a message naming it.
Result<Currency> currency_of(std::string_view code);
Result<Currency> currency_of_numeric(std::string_view numeric);

// Configuration at start-up: as currency_of, but an unknown code throws std::invalid_argument.
const Currency& require_currency(std::string_view code);

}  // namespace kiosk
