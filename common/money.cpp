// Money validation and the one money formatter (see money.hpp).
#include "common/money.hpp"

#include <algorithm>

namespace kiosk {
namespace {

std::string grouped(std::uint64_t value, bool group) {
    std::string digits = std::to_string(value);
    if (!group) return digits;
    std::string text;
    text.reserve(digits.size() + digits.size() / 3);
    const std::size_t first_group = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i >= first_group && (i - first_group) % 3 == 0) text.push_back(',');
        text.push_back(digits[i]);
    }
    return text;
}

}  // namespace

Result<Money> make_money(std::int64_t minor_units, std::string_view currency) {
    auto known = currency_of(currency);
    if (!known.ok()) return known.error();
    return Money{minor_units, std::string(known->code), known->exponent};
}

Status check_money(const Money& money) {
    auto known = currency_of(money.currency);
    if (!known.ok()) return known.error();
    if (known->exponent != money.exponent) {
        return make_error("money", money.currency + " has exponent " + std::to_string(known->exponent) +
                                       ", not " + std::to_string(money.exponent));
    }
    return ok_status();
}

std::string format_money(const Money& money, const MoneyFormat& format) {
    // The magnitude as unsigned: negating INT64_MIN as a signed value overflows.
    const bool negative = money.minor_units < 0;
    const std::uint64_t magnitude = negative ? 0U - static_cast<std::uint64_t>(money.minor_units)
                                             : static_cast<std::uint64_t>(money.minor_units);
    const int exponent = std::clamp(money.exponent, 0, 18);
    std::uint64_t divisor = 1;
    for (int i = 0; i < exponent; ++i) divisor *= 10U;

    std::string number = grouped(magnitude / divisor, format.group_thousands);
    const std::uint64_t fraction = magnitude % divisor;
    if (exponent > 0 && !(format.whole_without_fraction && fraction == 0)) {
        std::string digits = std::to_string(fraction);
        digits.insert(0, static_cast<std::size_t>(exponent) - digits.size(), '0');
        number += "." + digits;
    }
    const std::string prefix = format.symbol.empty() ? money.currency + " " : std::string(format.symbol);
    return (negative ? "-" : "") + prefix + number;
}

}  // namespace kiosk
