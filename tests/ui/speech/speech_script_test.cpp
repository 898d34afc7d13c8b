// What the kiosk says for each kind of screen, in both languages, and what it never says.
#include "ui/speech/speech_script.hpp"

#include <gtest/gtest.h>

#include "ui/i18n.hpp"
#include "ui/sample_view_models.hpp"
#include "ui/screens.hpp"

namespace kiosk::ui::speech {
namespace {

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

ViewModel menu(Language language) {
    ViewModel vm;
    vm.screen = ScreenId::MainMenu;
    vm.language = language;
    vm.menu = MenuOffers{};
    vm.masked_pan = "622848******1234";
    vm.buttons = {{"cancel", "action.cancel", true}};
    return vm;
}

TEST(SpeechScript, MainMenuSaysTitleAndEachChoiceWithItsOptionNumber) {
    const std::string text = speech_script(menu(Language::English));
    EXPECT_EQ(text.find("What would you like to do?"), 0U) << text;
    EXPECT_TRUE(contains(text, "Press 1: Withdraw cash.")) << text;
    EXPECT_TRUE(contains(text, "Press 2: Check balance.")) << text;
    EXPECT_TRUE(contains(text, "Press 6: Cancel.")) << text;  // five transactions, then Cancel
    EXPECT_FALSE(contains(text, "1234")) << "no part of the card number is spoken: " << text;
    EXPECT_FALSE(contains(text, "\n"));
}

TEST(SpeechScript, MainMenuInChinese) {
    const std::string text = speech_script(menu(Language::SimplifiedChinese));
    EXPECT_EQ(text.find("请选择您要办理的业务"), 0U) << text;
    EXPECT_TRUE(contains(text, "请按1：取款。")) << text;
    EXPECT_TRUE(contains(text, "请按2：查询余额。")) << text;
    EXPECT_FALSE(contains(text, "1234")) << text;
}

TEST(SpeechScript, AnUnavailableChoiceSaysSo) {
    ViewModel vm = menu(Language::English);
    vm.menu->withdrawal = Offer::Unavailable;
    // A disabled choice has no key: it is named, never offered.
    EXPECT_TRUE(contains(speech_script(vm), "Withdraw cash, not available now.")) << speech_script(vm);
    EXPECT_FALSE(contains(speech_script(vm), "Press 1: Withdraw cash")) << speech_script(vm);
}

TEST(SpeechScript, ChoicesAreNamedByTheKeyThatChoosesThem) {
    ViewModel vm = menu(Language::English);
    EXPECT_EQ(choice_key_label(vm, 0), "Press 1");  // digits choose the n-th button on a menu
    vm.language = Language::SimplifiedChinese;
    EXPECT_EQ(choice_key_label(vm, 1), "请按2");
    // Where digits type (PIN entry) a choice is named by its function key.
    ViewModel pin;
    pin.screen = ScreenId::EnterPin;
    pin.buttons = {{"cancel", "common.cancel"}};
    const std::string label = choice_key_label(pin, 0);
    EXPECT_EQ(label.rfind("Press F", 0), 0U) << label;
}

TEST(SpeechScript, FastCashAmountsAreSpokenAsTheButtonsShowThem) {
    ViewModel vm;
    vm.screen = ScreenId::WithdrawalAmount;
    vm.fast_cash = {Money{10000, "CNY", 2}, Money{50000, "CNY", 2}};
    vm.usual_amount = Money{30000, "CNY", 2};
    for (const Language language : {Language::English, Language::SimplifiedChinese}) {
        vm.language = language;
        const std::string text = speech_script(vm);
        EXPECT_TRUE(contains(text, translate("amount.title", language))) << text;
        EXPECT_TRUE(contains(text, choice_key_label(vm, 0) + (language == Language::English ? ": " : "：") +
                                       format_cash(Money{30000, "CNY", 2}, language)))
            << text;
        EXPECT_TRUE(contains(text, translate("amount.usual", language))) << text;
        EXPECT_TRUE(contains(text, format_cash(Money{10000, "CNY", 2}, language))) << text;
        EXPECT_TRUE(contains(text, format_cash(Money{50000, "CNY", 2}, language))) << text;
    }
}

TEST(SpeechScript, BalanceIsSpokenInBothLanguages) {
    for (const Language language : {Language::English, Language::SimplifiedChinese}) {
        const ViewModel vm = sample_view_model(ScreenId::BalanceDisplay, language);
        const std::string text = speech_script(vm);
        EXPECT_TRUE(contains(text, translate("balance.title", language))) << text;
        EXPECT_TRUE(contains(text, translate("balance.label", language))) << text;
        EXPECT_TRUE(contains(text, format_money(*vm.balance, language))) << text;
    }
    EXPECT_TRUE(contains(speech_script(sample_view_model(ScreenId::BalanceDisplay, Language::English)),
                         "Available balance: CNY 1,234,567.89."));
}

TEST(SpeechScript, PinEntrySaysHowManyDigitsAndNeverADigit) {
    ViewModel vm = sample_view_model(ScreenId::EnterPin, Language::English);
    vm.pin_digits_entered = 3;
    vm.seconds_left.reset();
    const std::string text = speech_script(vm);
    EXPECT_TRUE(contains(text, "Enter your PIN.")) << text;
    EXPECT_TRUE(contains(text, "3 digits entered.")) << text;
    // The runtime never has the PIN; the view-model has only the count. Whatever the customer
    // typed (say 9 0 5 8), the only digits in the utterance are the count and the function keys'
    // names ("Press F8"): digits type on this screen, so no digit names a choice.
    std::string without_keys = text;
    for (std::size_t at = without_keys.find("Press F"); at != std::string::npos; at = without_keys.find("Press F")) {
        without_keys.erase(at, 8);
    }
    for (const char digit : std::string("012456789")) {
        EXPECT_FALSE(contains(without_keys, std::string(1, digit))) << text;
    }
    EXPECT_FALSE(contains(text, "1234"));

    vm.language = Language::SimplifiedChinese;
    EXPECT_TRUE(contains(speech_script(vm), "已输入3位")) << speech_script(vm);
}

TEST(SpeechScript, TypedCodeAndPhoneNumberAreNeverSpoken) {
    ViewModel vm;
    vm.screen = ScreenId::CardlessEntry;
    vm.entry_field = EntryField::PhoneNumber;
    vm.typed_digits = "13800138000";
    const std::string phone = speech_script(vm);
    EXPECT_TRUE(contains(phone, "11 digits entered.")) << phone;
    EXPECT_FALSE(contains(phone, "138")) << phone;
    vm.entry_field = EntryField::OneTimeCode;
    vm.typed_digits.clear();
    vm.pin_digits_entered = 6;
    EXPECT_TRUE(contains(speech_script(vm), "6 digits entered.")) << speech_script(vm);
}

TEST(SpeechScript, WrongPinSaysTriesLeft) {
    EXPECT_TRUE(contains(speech_script(sample_view_model(ScreenId::WrongPin, Language::English)), "Tries left: 2."));
    EXPECT_TRUE(
        contains(speech_script(sample_view_model(ScreenId::WrongPin, Language::SimplifiedChinese)), "剩余尝试次数：2"));
}

TEST(SpeechScript, MoreTimeSaysTheCountdown) {
    const std::string text = speech_script(sample_view_model(ScreenId::MoreTime, Language::English));
    EXPECT_TRUE(contains(text, "Do you need more time?")) << text;
    EXPECT_TRUE(contains(text, "20 seconds left.")) << text;
    EXPECT_TRUE(
        contains(speech_script(sample_view_model(ScreenId::MoreTime, Language::SimplifiedChinese)), "剩余20秒"));
}

TEST(SpeechScript, SessionOptionsSaysEachToggleState) {
    Accessibility options;
    options.speech = true;
    const std::string text = speech_script(sample_view_model(ScreenId::SessionOptions, Language::English, options));
    EXPECT_TRUE(contains(text, "Speech, On.")) << text;
    EXPECT_TRUE(contains(text, "Large text, Off.")) << text;
}

TEST(SpeechScript, AccountChoiceSaysTheTypeButNoAccountNumber) {
    const ViewModel vm = sample_view_model(ScreenId::AccountChoice, Language::English);
    const std::string text = speech_script(vm);
    ASSERT_FALSE(vm.accounts.empty());
    EXPECT_TRUE(contains(text, translate(vm.accounts[0].type_key, Language::English))) << text;
    EXPECT_FALSE(contains(text, vm.accounts[0].masked_number)) << text;
}

TEST(SpeechScript, EveryScreenHasItsTitleInBothLanguagesAndNoCardNumber) {
    for (const ScreenSpec& spec : all_screens()) {
        for (const Language language : {Language::English, Language::SimplifiedChinese}) {
            const ViewModel vm = sample_view_model(spec.id, language);
            const std::string text = speech_script(vm);
            EXPECT_TRUE(contains(text, translate(screen_text(vm).title_key, language))) << spec.name << ": " << text;
            if (!vm.masked_pan.empty()) {
                EXPECT_FALSE(contains(text, vm.masked_pan)) << spec.name;
                EXPECT_FALSE(contains(text, vm.masked_pan.substr(vm.masked_pan.size() - 4))) << spec.name;
            }
            for (std::string_view key : {"speech.option", "speech.digits_entered", "speech.seconds_left",
                                         "speech.unavailable", "speech.suggested"}) {
                EXPECT_FALSE(contains(text, key)) << "untranslated key on " << spec.name << ": " << text;
            }
            EXPECT_FALSE(contains(text, "\n")) << spec.name;
        }
    }
}

TEST(SpeechScript, ReceiptIsReadWithoutTheCardLine) {
    const std::vector<std::string> lines{"Kiosk Bank", "--------", "Card 622848******1234", "Withdrawal CNY 500.00"};
    const std::string text = receipt_script(lines, Language::English);
    EXPECT_EQ(text, "Your receipt. Kiosk Bank. Withdrawal CNY 500.00.");
}

}  // namespace
}  // namespace kiosk::ui::speech
