// Every customer-visible string in English and 简体中文, looked up by a stable key
// ("menu.balance"), plus money formatting per language. No floating point anywhere.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/money.hpp"
#include "ui/view_model.hpp"

namespace kiosk::ui {

// One row per key, both languages side by side so a missing translation shows in review. An
// empty text is a missing translation (missing_translations() lists them; i18n_test wants none).
struct Translation {
    std::string_view key;
    std::string_view english;
    std::string_view chinese;
};

std::span<const Translation> translation_table();

[[nodiscard]] bool has_translation(std::string_view key);

// The text for `key` in `language`. A key with no text in that language falls back to the other
// language's text (a customer reads a sentence, not a key); an unknown key comes back as the key
// itself, so a gap is visible on screen instead of crashing a customer's session. Each gap is
// logged once per key and language (an spdlog warning naming the key), not once per frame.
// Thread-safe.
[[nodiscard]] std::string_view translate(std::string_view key, Language language);

// The same lookup and report in `table` (tests give a table with gaps).
[[nodiscard]] std::string_view translate_in(std::span<const Translation> table, std::string_view key,
                                            Language language);

// The keys of `table` (by default the string table) with no text in `language`, in table order.
[[nodiscard]] std::vector<std::string_view> missing_translations(std::span<const Translation> table,
                                                                 Language language);
[[nodiscard]] std::vector<std::string_view> missing_translations(Language language);

// Replaces the first "{}" in `pattern` with `value` ("Tries left: {}" + "2").
[[nodiscard]] std::string fill(std::string_view pattern, std::string_view value);

// A fact line's value in `language`: its value_key translated with value_args filled in (an
// argument "i18n:<key>" translated too), else its amount formatted, else its literal value.
[[nodiscard]] std::string fact_value(const FactLine& fact, Language language);

// The language's own name, for the header indicator ("English", "简体中文").
[[nodiscard]] std::string_view language_name(Language language);

// English: "CNY 1,234.56"; Chinese: "¥1,234.56" for CNY, "USD 1,234.56" for other currencies.
// Negative amounts get a leading "-". Exponent 0 prints no decimal point.
[[nodiscard]] std::string format_money(const Money& money, Language language);

// Cash amounts on buttons and in the amount field: as format_money, but a whole amount drops its
// zero decimals ("CNY 1,000", "¥500"), as notes are whole anyway and the buttons are narrow.
[[nodiscard]] std::string format_cash(const Money& money, Language language);

}  // namespace kiosk::ui
