// The Luhn (mod 10) check digit of ISO/IEC 7812 card numbers.
#pragma once

#include <optional>
#include <string_view>

namespace kiosk::drivers {

// True when `digits` is all decimal digits, at least two of them, and the Luhn sum is ≡ 0 mod 10.
bool luhn_valid(std::string_view digits);

// The check digit to append to `partial` (digits only); nullopt for a non-digit or empty input.
std::optional<char> luhn_check_digit(std::string_view partial);

}  // namespace kiosk::drivers
