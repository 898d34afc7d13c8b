// Luhn check (protocols.md, "Magnetic stripe"): double every second digit from the right.
#include "drivers/card/luhn.hpp"

namespace kiosk::drivers {
namespace {

// Luhn sum of `digits`, treating the rightmost one as doubled when `double_rightmost`.
std::optional<unsigned> luhn_sum(std::string_view digits, bool double_rightmost) {
    unsigned sum = 0;
    bool doubled = double_rightmost;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (*it < '0' || *it > '9') return std::nullopt;
        unsigned digit = static_cast<unsigned>(*it - '0');
        if (doubled) {
            digit *= 2;
            if (digit > 9) digit -= 9;
        }
        sum += digit;
        doubled = !doubled;
    }
    return sum;
}

}  // namespace

bool luhn_valid(std::string_view digits) {
    if (digits.size() < 2) return false;
    auto sum = luhn_sum(digits, false);
    return sum && *sum % 10 == 0;
}

std::optional<char> luhn_check_digit(std::string_view partial) {
    if (partial.empty()) return std::nullopt;
    auto sum = luhn_sum(partial, true);
    if (!sum) return std::nullopt;
    return static_cast<char>('0' + (10 - *sum % 10) % 10);
}

}  // namespace kiosk::drivers
