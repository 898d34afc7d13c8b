// Lookup, the missing-translation fallback and its report, placeholder filling and the language's
// money symbol; the strings themselves live in i18n_strings.cpp.
#include "ui/i18n.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <mutex>
#include <set>
#include <utility>

namespace kiosk::ui {
namespace {

const Translation* find(std::span<const Translation> table, std::string_view key) {
    const auto it = std::find_if(table.begin(), table.end(), [&](const Translation& t) { return t.key == key; });
    return it == table.end() ? nullptr : &*it;
}

std::string_view text_in(const Translation& row, Language language) {
    return language == Language::English ? row.english : row.chinese;
}

const char* name_of(Language language) { return language == Language::English ? "English" : "Chinese"; }

// Every gap is logged the first time it is drawn, never again: screens are redrawn many times a
// second (activity dots), and one line per key is what a developer needs. The set is bounded by
// the keys the code uses; the cap only guards against a caller that builds keys from outside data.
enum class Gap { UnknownKey, OtherLanguageShown, NoTextAtAll };

class GapReport {
public:
    void missing(std::string_view key, Language language, Gap gap) {
        const std::lock_guard lock(mutex_);
        if (reported_.size() >= kMaxReported) return;
        if (!reported_.emplace(std::string(key), language).second) return;
        switch (gap) {
            case Gap::OtherLanguageShown:
                spdlog::warn("ui: i18n key '{}' has no {} text; showing the {} text", key, name_of(language),
                             name_of(language == Language::English ? Language::SimplifiedChinese : Language::English));
                break;
            case Gap::NoTextAtAll:
                spdlog::warn("ui: i18n key '{}' has no text in any language; showing the key itself", key);
                break;
            case Gap::UnknownKey:
                spdlog::warn("ui: unknown i18n key '{}' ({}); showing the key itself", key, name_of(language));
                break;
        }
        if (reported_.size() == kMaxReported) spdlog::warn("ui: {} i18n gaps reported; no more will be", kMaxReported);
    }

private:
    static constexpr std::size_t kMaxReported = 1000;
    std::mutex mutex_;
    std::set<std::pair<std::string, Language>> reported_;
};

GapReport& gap_report() {
    static GapReport report;
    return report;
}

}  // namespace

bool has_translation(std::string_view key) { return find(translation_table(), key) != nullptr; }

std::string_view translate_in(std::span<const Translation> table, std::string_view key, Language language) {
    const Translation* row = find(table, key);
    if (row == nullptr) {
        gap_report().missing(key, language, Gap::UnknownKey);
        return key;
    }
    const std::string_view text = text_in(*row, language);
    if (!text.empty()) return text;
    const std::string_view other =
        text_in(*row, language == Language::English ? Language::SimplifiedChinese : Language::English);
    gap_report().missing(key, language, other.empty() ? Gap::NoTextAtAll : Gap::OtherLanguageShown);
    return other.empty() ? key : other;
}

std::string_view translate(std::string_view key, Language language) {
    return translate_in(translation_table(), key, language);
}

std::vector<std::string_view> missing_translations(std::span<const Translation> table, Language language) {
    std::vector<std::string_view> keys;
    for (const Translation& row : table) {
        if (text_in(row, language).empty()) keys.push_back(row.key);
    }
    return keys;
}

std::vector<std::string_view> missing_translations(Language language) {
    return missing_translations(translation_table(), language);
}

std::string fill(std::string_view pattern, std::string_view value) {
    std::string text(pattern);
    const auto at = text.find("{}");
    if (at != std::string::npos) text.replace(at, 2, value);
    return text;
}

std::string fact_value(const FactLine& fact, Language language) {
    if (fact.value_key.empty()) return fact.amount ? format_money(*fact.amount, language) : fact.value;
    std::string text(translate(fact.value_key, language));
    std::size_t from = 0;
    constexpr std::string_view kKeyed = "i18n:";  // an argument that is itself a key
    for (const std::string& arg : fact.value_args) {
        const auto at = text.find("{}", from);
        if (at == std::string::npos) break;
        const std::string value = std::string_view(arg).substr(0, kKeyed.size()) == kKeyed
                                      ? std::string(translate(std::string_view(arg).substr(kKeyed.size()), language))
                                      : arg;
        text.replace(at, 2, value);
        from = at + value.size();  // an argument holding "{}" is not filled again
    }
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
