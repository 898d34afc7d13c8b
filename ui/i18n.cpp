// Lookup, placeholder filling and money formatting; the strings themselves live in
// i18n_strings.cpp.
#include "ui/i18n.hpp"

#include <algorithm>
#include <cstdint>

namespace kiosk::ui {
namespace {

const Translation* find(std::string_view key) {
    const auto table = translation_table();
    const auto it = std::find_if(table.begin(), table.end(), [&](const Translation& t) { return t.key == key; });
    return it == table.end() ? nullptr : &*it;
}

std::string group_thousands(std::uint64_t value) {
    std::string digits = std::to_string(value);
    std::string grouped;
    grouped.reserve(digits.size() + digits.size() / 3);
    const std::size_t first_group = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i >= first_group && (i - first_group) % 3 == 0) grouped.push_back(',');
        grouped.push_back(digits[i]);
    }
    return grouped;
}

}  // namespace

bool has_translation(std::string_view key) { return find(key) != nullptr; }

std::string_view translate(std::string_view key, Language language) {
    const Translation* row = find(key);
    if (row == nullptr) return key;
    return language == Language::English ? row->english : row->chinese;
}

std::string fill(std::string_view pattern, std::string_view value) {
    std::string text(pattern);
    const auto at = text.find("{}");
    if (at != std::string::npos) text.replace(at, 2, value);
    return text;
}

std::string_view language_name(Language language) {
    return translate(language == Language::English ? "language.english" : "language.chinese", language);
}

std::string format_money(const Money& money, Language language) {
    // Magnitude as unsigned so INT64_MIN does not overflow when negated.
    const bool negative = money.minor_units < 0;
    const std::uint64_t magnitude = negative ? 0U - static_cast<std::uint64_t>(money.minor_units)
                                             : static_cast<std::uint64_t>(money.minor_units);
    // ISO 4217 exponents are 0–4; clamp anything odd so 10^exponent stays within 64 bits.
    const int exponent = std::clamp(money.exponent, 0, 18);
    std::uint64_t divisor = 1;
    for (int i = 0; i < exponent; ++i) divisor *= 10U;

    std::string number = group_thousands(magnitude / divisor);
    if (exponent > 0) {
        std::string fraction = std::to_string(magnitude % divisor);
        fraction.insert(0, static_cast<std::size_t>(exponent) - fraction.size(), '0');
        number += "." + fraction;
    }
    const bool yuan_sign = language == Language::SimplifiedChinese && money.currency == "CNY";
    const std::string prefix = yuan_sign ? std::string("¥") : money.currency + " ";
    return (negative ? "-" : "") + prefix + number;
}

std::string format_cash(const Money& money, Language language) {
    const int exponent = std::clamp(money.exponent, 0, 18);
    std::int64_t divisor = 1;
    for (int i = 0; i < exponent; ++i) divisor *= 10;
    if (money.minor_units % divisor != 0) return format_money(money, language);
    return format_money(Money{money.minor_units / divisor, money.currency, 0}, language);
}

}  // namespace kiosk::ui
