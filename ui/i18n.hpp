// Every customer-visible string in English and 简体中文, looked up by a stable key
// ("menu.balance"), plus money formatting per language. No floating point anywhere.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "common/money.hpp"
#include "ui/view_model.hpp"

namespace kiosk::ui {

// One row per key, both languages side by side so a missing translation shows in review.
struct Translation {
    std::string_view key;
    std::string_view english;
    std::string_view chinese;
};

std::span<const Translation> translation_table();

[[nodiscard]] bool has_translation(std::string_view key);

// The text for `key`; an unknown key comes back as the key itself, so a gap is visible on screen
// (and caught by the completeness test) instead of crashing a customer's session.
[[nodiscard]] std::string_view translate(std::string_view key, Language language);

// Replaces the first "{}" in `pattern` with `value` ("Tries left: {}" + "2").
[[nodiscard]] std::string fill(std::string_view pattern, std::string_view value);

// The language's own name, for the header indicator ("English", "简体中文").
[[nodiscard]] std::string_view language_name(Language language);

// English: "CNY 1,234.56"; Chinese: "¥1,234.56" for CNY, "USD 1,234.56" for other currencies.
// Negative amounts get a leading "-". Exponent 0 prints no decimal point.
[[nodiscard]] std::string format_money(const Money& money, Language language);

// Cash amounts on buttons and in the amount field: as format_money, but a whole amount drops its
// zero decimals ("CNY 1,000", "¥500"), as notes are whole anyway and the buttons are narrow.
[[nodiscard]] std::string format_cash(const Money& money, Language language);

}  // namespace kiosk::ui
