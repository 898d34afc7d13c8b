// The ISO 4217 table (see currency.hpp). Codes, numbers and exponents as ISO 4217 lists them.
#include "common/currency.hpp"

#include <array>
#include <stdexcept>
#include <string>

namespace kiosk {
namespace {

constexpr std::array kCurrencies{
    Currency{"AUD", "036", 2}, Currency{"BHD", "048", 3}, Currency{"CAD", "124", 2}, Currency{"CHF", "756", 2},
    Currency{"CNY", "156", 2}, Currency{"EUR", "978", 2}, Currency{"GBP", "826", 2}, Currency{"HKD", "344", 2},
    Currency{"JPY", "392", 0}, Currency{"KRW", "410", 0}, Currency{"KWD", "414", 3}, Currency{"MOP", "446", 2},
    Currency{"SGD", "702", 2}, Currency{"TWD", "901", 2}, Currency{"USD", "840", 2},
};

// The code as it may be shown: printable ASCII only, so a garbled code cannot mangle a log line.
std::string shown(std::string_view code) {
    std::string text;
    for (const char c : code.substr(0, 16)) text += (c >= 0x20 && c < 0x7F) ? c : '?';
    return text;
}

}  // namespace

std::span<const Currency> iso4217_currencies() { return kCurrencies; }

const Currency* find_currency(std::string_view code) {
    for (const Currency& currency : kCurrencies) {
        if (currency.code == code) return &currency;
    }
    return nullptr;
}

const Currency* find_currency_by_numeric(std::string_view numeric) {
    for (const Currency& currency : kCurrencies) {
        if (currency.numeric == numeric) return &currency;
    }
    return nullptr;
}

Result<Currency> currency_of(std::string_view code) {
    if (const Currency* currency = find_currency(code)) return *currency;
    return make_error("money", "unknown currency code \"" + shown(code) + "\"");
}

Result<Currency> currency_of_numeric(std::string_view numeric) {
    if (const Currency* currency = find_currency_by_numeric(numeric)) return *currency;
    return make_error("money", "unknown numeric currency code \"" + shown(numeric) + "\"");
}

const Currency& require_currency(std::string_view code) {
    if (const Currency* currency = find_currency(code)) return *currency;
    throw std::invalid_argument("unknown currency code \"" + shown(code) + "\"");
}

}  // namespace kiosk
