// Lookup, placeholder filling and the language's money symbol; the strings themselves live in
// i18n_strings.cpp.
#include "ui/i18n.hpp"

#include <algorithm>

namespace kiosk::ui {
namespace {

const Translation* find(std::string_view key) {
    const auto table = translation_table();
    const auto it = std::find_if(table.begin(), table.end(), [&](const Translation& t) { return t.key == key; });
    return it == table.end() ? nullptr : &*it;
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

// The language picks the symbol; the digits come from the one formatter (common/money.hpp).
std::string format_money(const Money& money, Language language) {
    const bool yuan_sign = language == Language::SimplifiedChinese && money.currency == "CNY";
    return kiosk::format_money(money, MoneyFormat{yuan_sign ? "¥" : "", true, false});
}

std::string format_cash(const Money& money, Language language) {
    const bool yuan_sign = language == Language::SimplifiedChinese && money.currency == "CNY";
    return kiosk::format_money(money, MoneyFormat{yuan_sign ? "¥" : "", true, true});
}

}  // namespace kiosk::ui
