// The string table is complete in both languages for every key the screens, the sample buttons
// and the flow's messages use; money is formatted without floating point in both languages.
#include "ui/i18n.hpp"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <set>
#include <sstream>
#include <string>

#include "ui/gallery.hpp"
#include "ui/sample_view_models.hpp"
#include "ui/screens.hpp"
#include "ui/shown_buttons.hpp"

namespace kiosk::ui {
namespace {

bool has_non_ascii(std::string_view text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) return true;
    }
    return false;
}

TEST(I18n, EveryRowHasBothLanguagesAndKeysAreUnique) {
    std::set<std::string_view> keys;
    for (const Translation& row : translation_table()) {
        EXPECT_TRUE(keys.insert(row.key).second) << "duplicate key " << row.key;
        EXPECT_FALSE(row.english.empty()) << row.key;
        EXPECT_FALSE(row.chinese.empty()) << row.key;
        if (row.key != "language.english") {
            EXPECT_TRUE(has_non_ascii(row.chinese)) << row.key << " looks untranslated: " << row.chinese;
        }
    }
    EXPECT_GT(keys.size(), 50U);
}

// No untranslated string reaches the screen: every key a sample screen shows — title, body,
// message, every shown button's label (generated ones too), statement and account keys — exists.
TEST(I18n, EveryKeyAScreenUsesExists) {
    for (const ScreenSpec& spec : all_screens()) {
        EXPECT_TRUE(has_translation(spec.title_key)) << spec.name;
        EXPECT_TRUE(spec.body_key.empty() || has_translation(spec.body_key)) << spec.name;
        for (const Language language : {Language::English, Language::SimplifiedChinese}) {
            const ViewModel vm = sample_view_model(spec.id, language);
            const ScreenText text = screen_text(vm);
            EXPECT_TRUE(has_translation(text.title_key)) << spec.name << ": " << text.title_key;
            EXPECT_TRUE(text.body_key.empty() || has_translation(text.body_key)) << spec.name << ": " << text.body_key;
            for (const ShownButton& shown : shown_buttons(vm)) {
                // An amount, or a literal such as the 0–10 numbers, is its own label in both languages.
                const bool literal = shown.button.label_key.empty() && (shown.amount || !shown.data.empty());
                EXPECT_TRUE(literal || has_translation(shown.button.label_key))
                    << spec.name << ": " << shown.button.label_key;
            }
            if (!vm.message_key.empty()) {
                EXPECT_TRUE(has_translation(vm.message_key)) << vm.message_key;
            }
            for (const StatementLine& line : vm.statement) {
                EXPECT_TRUE(has_translation(line.description_key)) << line.description_key;
            }
            for (const AccountOption& account : vm.accounts) {
                EXPECT_TRUE(has_translation(account.type_key)) << account.type_key;
            }
        }
    }
    for (const char* key : {"header.time_left", "time.seconds", "card.label", "balance.label", "wrong_pin.tries_left",
                            "language.english", "language.chinese", "toggle.on", "toggle.off", "amount.label",
                            "enter_amount.step", "statement.balance", "statement.empty", "receipt_qr.reference",
                            "cardless.code_title", "cardless.code_body", "cardless.phone_title", "cardless.phone_body"}) {
        EXPECT_TRUE(has_translation(key)) << key;
    }
}

// The gallery's extra states (ui/gallery.cpp) use keys of their own: each one exists too.
TEST(I18n, EveryKeyAGalleryPictureUsesExists) {
    for (const GalleryImage& image : gallery_images()) {
        if (image.look != &gallery_looks().front()) continue;
        const ViewModel vm = image.view_model();
        const ScreenText text = screen_text(vm);
        EXPECT_TRUE(has_translation(text.title_key)) << image.file_name() << ": " << text.title_key;
        EXPECT_TRUE(vm.message_key.empty() || has_translation(vm.message_key)) << image.file_name() << ": " << vm.message_key;
        for (const ShownButton& shown : shown_buttons(vm)) {
            const bool literal = shown.button.label_key.empty() && (shown.amount || !shown.data.empty());
            EXPECT_TRUE(literal || has_translation(shown.button.label_key)) << image.file_name() << ": " << shown.button.label_key;
        }
    }
}

// The keys the flow may put in message_key or the statement/account data of the new screens.
// Kept by hand, like the list below: ui/ may not include kiosk/.
TEST(I18n, EveryFlowScreenKeyExists) {
    for (const char* key :
         {"out_of_service.host_unreachable", "out_of_service.tamper", "out_of_service.devices",
          "out_of_service.storage_full", "out_of_service.self_test", "new_pin.mismatch",
          "cardless.code_invalid", "cardless.phone_mismatch", "amount.not_multiple", "amount.too_large",
          "account.from", "account.to", "account.savings", "account.current", "account.credit", "done.title",
          "done.transfer", "done.transfer.detail", "done.pin_changed", "done.pin_changed.detail",
          "statement.atm_withdrawal", "statement.cardless_withdrawal", "statement.deposit", "statement.transfer_in",
          "statement.transfer_out", "statement.salary", "statement.card_payment", "statement.online_payment",
          "statement.interest", "statement.fee", "statement.refund", "statement.other", "menu.mini_statement",
          "menu.mini_statement_screen", "menu.transfer", "menu.change_pin", "menu.withdrawal", "amount.usual",
          "amount.other", "attract.cardless", "another.yes", "another.no", "options.large_text",
          "options.high_contrast", "options.speech"}) {
        EXPECT_TRUE(has_translation(key)) << key;
    }
}

// The message keys kiosk/flow/flow_table.cpp puts in ViewModel::message_key, including
// "decline." + every host response code name. Kept by hand: ui/ may not include kiosk/.
TEST(I18n, EveryFlowMessageKeyExists) {
    for (const char* key :
         {"card.unreadable", "session.cancelled", "pin.wrong", "pin.tries_exceeded", "decline.host_unavailable",
          "receipt.failed", "session.timed_out", "card.not_taken", "card.jammed", "decline.approved",
          "decline.do_not_honour", "decline.insufficient_funds", "decline.expired_card", "decline.wrong_pin",
          "decline.limit_exceeded", "decline.pin_tries_exceeded", "decline.system_error", "decline.unknown"}) {
        EXPECT_TRUE(has_translation(key)) << key;
    }
}

// The list a translator works from: every key of the table with no text in a language. None may
// be missing; the failure names them all, per language.
TEST(I18n, NoKeyIsMissingInEitherLanguage) {
    for (const Language language : {Language::English, Language::SimplifiedChinese}) {
        std::string keys;
        for (const std::string_view key : missing_translations(language)) keys += " " + std::string(key);
        EXPECT_TRUE(keys.empty()) << (language == Language::English ? "English" : "Chinese") << " lacks:" << keys;
    }
}

// A table with gaps, keys of its own so no other test reports them first.
constexpr Translation kGappyTable[] = {
    {"test.gap.complete", "Complete", "完整"},
    {"test.gap.no_chinese", "Only English", ""},
    {"test.gap.no_english", "", "只有中文"},
    {"test.gap.nothing", "", ""},
};

// The default spdlog logger, captured while the test runs.
class CapturedLog {
public:
    CapturedLog() : previous_(spdlog::default_logger()) {
        auto logger = std::make_shared<spdlog::logger>("captured", std::make_shared<spdlog::sinks::ostream_sink_mt>(text_));
        logger->set_pattern("%v");
        spdlog::set_default_logger(logger);
    }
    ~CapturedLog() { spdlog::set_default_logger(previous_); }
    CapturedLog(const CapturedLog&) = delete;
    CapturedLog& operator=(const CapturedLog&) = delete;

    [[nodiscard]] std::size_t lines_with(std::string_view needle) const {
        std::size_t count = 0;
        std::istringstream lines(text_.str());
        for (std::string line; std::getline(lines, line);) {
            if (line.find(needle) != std::string::npos) ++count;
        }
        return count;
    }
    [[nodiscard]] std::string text() const { return text_.str(); }

private:
    std::ostringstream text_;
    std::shared_ptr<spdlog::logger> previous_;
};

TEST(I18nFallback, AMissingLanguageShowsTheOtherOne) {
    EXPECT_EQ(translate_in(kGappyTable, "test.gap.complete", Language::SimplifiedChinese), "完整");
    EXPECT_EQ(translate_in(kGappyTable, "test.gap.no_chinese", Language::SimplifiedChinese), "Only English");
    EXPECT_EQ(translate_in(kGappyTable, "test.gap.no_chinese", Language::English), "Only English");
    EXPECT_EQ(translate_in(kGappyTable, "test.gap.no_english", Language::English), "只有中文");
    EXPECT_EQ(translate_in(kGappyTable, "test.gap.nothing", Language::English), "test.gap.nothing");
    EXPECT_EQ(translate_in(kGappyTable, "test.gap.unknown", Language::English), "test.gap.unknown");
}

TEST(I18nFallback, MissingTranslationsListsEachLanguagesGaps) {
    EXPECT_EQ(missing_translations(kGappyTable, Language::English),
              (std::vector<std::string_view>{"test.gap.no_english", "test.gap.nothing"}));
    EXPECT_EQ(missing_translations(kGappyTable, Language::SimplifiedChinese),
              (std::vector<std::string_view>{"test.gap.no_chinese", "test.gap.nothing"}));
}

// Screens are redrawn many times a second: a gap is one log line per key and language, not one per
// frame. Keys no other test uses, as the report is once per process.
constexpr Translation kReportedTable[] = {
    {"test.once.complete", "Complete", "完整"},
    {"test.once.no_chinese", "Only English", ""},
    {"test.once.no_english", "", "只有中文"},
    {"test.once.nothing", "", ""},
};

TEST(I18nFallback, EachGapIsReportedOncePerKeyAndLanguage) {
    const CapturedLog log;
    for (int frame = 0; frame < 50; ++frame) {
        (void)translate_in(kReportedTable, "test.once.complete", Language::English);
        (void)translate_in(kReportedTable, "test.once.no_chinese", Language::SimplifiedChinese);
        (void)translate_in(kReportedTable, "test.once.no_chinese", Language::English);
        (void)translate_in(kReportedTable, "test.once.no_english", Language::English);
        (void)translate_in(kReportedTable, "test.once.nothing", Language::English);
        (void)translate_in(kReportedTable, "test.once.nothing", Language::SimplifiedChinese);
        (void)translate_in(kReportedTable, "test.once.once_unknown", Language::SimplifiedChinese);
    }
    EXPECT_EQ(log.lines_with("test.once.complete"), 0U) << log.text();
    EXPECT_EQ(log.lines_with("'test.once.no_chinese' has no Chinese text; showing the English text"), 1U) << log.text();
    EXPECT_EQ(log.lines_with("'test.once.no_english' has no English text; showing the Chinese text"), 1U) << log.text();
    // Both languages missing: one line for each language it was asked in.
    EXPECT_EQ(log.lines_with("'test.once.nothing' has no text in any language"), 2U) << log.text();
    EXPECT_EQ(log.lines_with("unknown i18n key 'test.once.once_unknown' (Chinese)"), 1U) << log.text();
    EXPECT_EQ(log.lines_with("ui: "), 5U) << log.text();
}

TEST(I18n, TranslatePicksTheLanguageAndFallsBackToTheKey) {
    EXPECT_EQ(translate("menu.balance", Language::English), "Check balance");
    EXPECT_EQ(translate("menu.balance", Language::SimplifiedChinese), "查询余额");
    EXPECT_EQ(translate("no.such.key", Language::SimplifiedChinese), "no.such.key");
    EXPECT_FALSE(has_translation("no.such.key"));
}

TEST(I18n, FillReplacesThePlaceholder) {
    EXPECT_EQ(fill("Tries left: {}", "2"), "Tries left: 2");
    EXPECT_EQ(fill("剩余 {} 秒", "20"), "剩余 20 秒");
    EXPECT_EQ(fill("no placeholder", "x"), "no placeholder");
}

TEST(I18n, LanguageNamesAreInTheirOwnScript) {
    EXPECT_EQ(language_name(Language::English), "English");
    EXPECT_EQ(language_name(Language::SimplifiedChinese), "简体中文");
}

TEST(FormatMoney, EnglishUsesTheIsoCodeAndGroupsThousands) {
    EXPECT_EQ(format_money(Money{123456, "CNY", 2}, Language::English), "CNY 1,234.56");
    EXPECT_EQ(format_money(Money{123456789, "CNY", 2}, Language::English), "CNY 1,234,567.89");
    EXPECT_EQ(format_money(Money{5, "CNY", 2}, Language::English), "CNY 0.05");
    EXPECT_EQ(format_money(Money{0, "CNY", 2}, Language::English), "CNY 0.00");
    EXPECT_EQ(format_money(Money{100000, "USD", 2}, Language::English), "USD 1,000.00");
}

TEST(FormatMoney, ChineseUsesTheYuanSignForCnyOnly) {
    EXPECT_EQ(format_money(Money{123456, "CNY", 2}, Language::SimplifiedChinese), "¥1,234.56");
    EXPECT_EQ(format_money(Money{123456, "USD", 2}, Language::SimplifiedChinese), "USD 1,234.56");
}

TEST(FormatMoney, CashDropsZeroDecimalsOnly) {
    EXPECT_EQ(format_cash(Money{100000, "CNY", 2}, Language::English), "CNY 1,000");
    EXPECT_EQ(format_cash(Money{50000, "CNY", 2}, Language::SimplifiedChinese), "¥500");
    EXPECT_EQ(format_cash(Money{50050, "CNY", 2}, Language::SimplifiedChinese), "¥500.50");
    EXPECT_EQ(format_cash(Money{-20000, "CNY", 2}, Language::English), "-CNY 200");
    EXPECT_EQ(format_cash(Money{1500, "JPY", 0}, Language::English), "JPY 1,500");
}

TEST(FormatMoney, NegativeZeroExponentAndExtremes) {
    EXPECT_EQ(format_money(Money{-150, "CNY", 2}, Language::English), "-CNY 1.50");
    EXPECT_EQ(format_money(Money{-150, "CNY", 2}, Language::SimplifiedChinese), "-¥1.50");
    EXPECT_EQ(format_money(Money{1500, "JPY", 0}, Language::English), "JPY 1,500");
    EXPECT_EQ(format_money(Money{1234567, "KWD", 3}, Language::English), "KWD 1,234.567");
    EXPECT_EQ(format_money(Money{INT64_MIN, "CNY", 2}, Language::English), "-CNY 92,233,720,368,547,758.08");
    EXPECT_EQ(format_money(Money{999, "CNY", 2}, Language::English), "CNY 9.99");
}

}  // namespace
}  // namespace kiosk::ui
