// An amount of money in minor units (fen, cents) of one ISO 4217 currency. No floating point.
#pragma once

#include <cstdint>
#include <string>

namespace kiosk {

struct Money {
    std::int64_t minor_units = 0;
    std::string currency = "CNY";  // ISO 4217 alphabetic code
    int exponent = 2;              // minor units per major unit = 10^exponent

    friend bool operator==(const Money&, const Money&) = default;
};

}  // namespace kiosk
