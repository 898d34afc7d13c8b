// The gallery's list. Adding a screen is one line here (its plain sample); another state of a
// screen is one entry with a change. gallery_test checks every ScreenId is in the list.
#include "ui/gallery.hpp"

#include <array>

#include "ui/i18n.hpp"
#include "ui/sample_view_models.hpp"
#include "ui/screens.hpp"

namespace kiosk::ui {
namespace {

GallerySample plain(ScreenId screen) { return {screen, std::string(screen_spec(screen).name), {}, {}}; }

// The complaint status lines, as kiosk/runtime/complaint_screens.cpp writes them (ui/ may not include kiosk/).
std::string status_line(std::string_view key, std::string_view reference, Language language) {
    return fill(translate(key, language), reference);
}

const std::vector<GallerySample>& samples() {
    static const std::vector<GallerySample> list = {
        plain(ScreenId::Attract),
        {ScreenId::Attract, "attract_cards_unavailable", "card reader down: cardless only",
         [](ViewModel& vm) {
             vm.message_key = "attract.cards_unavailable";
             vm.buttons = {{"lang_en", "language.english", true},
                           {"lang_zh", "language.chinese", true},
                           {"cardless", "attract.cardless", true}};
         }},
        plain(ScreenId::ReadingCard),
        plain(ScreenId::EnterPin),
        {ScreenId::EnterPin, "enter_pin_retry", "after a wrong PIN: the most crowded real screen",
         [](ViewModel& vm) {
             vm.message_key = "pin.wrong";
             vm.tries_left = 2;
         }},
        plain(ScreenId::MainMenu),
        {ScreenId::MainMenu, "main_menu_degraded", "no dispenser, no printer, transfers unavailable",
         [](ViewModel& vm) {
             vm.menu->withdrawal = Offer::Hidden;
             vm.menu->mini_statement_on_screen_only = true;
             vm.menu->transfer = Offer::Unavailable;
         }},
        {ScreenId::MainMenu, "main_menu_offer", "the bank's offer line for this customer",
         [](ViewModel& vm) {
             vm.offer_line = vm.language == Language::English
                                 ? "Save 10% on your first year of home insurance: ask at the branch."
                                 : "首年家庭保险九折优惠，详情请咨询网点。";
         }},
        {ScreenId::MainMenu, "main_menu_complaints", "the customer's reports: one being handled, one resolved",
         [](ViewModel& vm) {
             vm.status_lines = {status_line("menu.complaint_in_progress", "KB-20261202-7Q4M", vm.language),
                                status_line("menu.complaint_resolved", "KB-20261115-2C8D", vm.language)};
             vm.offer_line = vm.language == Language::English ? "Ask us about savings at 2.1%." : "了解年利率 2.1% 的储蓄。";
         }},
        plain(ScreenId::Processing),
        plain(ScreenId::BalanceDisplay),
        plain(ScreenId::ReceiptChoice),
        plain(ScreenId::Printing),
        plain(ScreenId::TakeCard),
        plain(ScreenId::ThankYou),
        plain(ScreenId::WrongPin),
        plain(ScreenId::CardRetained),
        plain(ScreenId::TransactionFailed),
        plain(ScreenId::CardUnreadable),
        plain(ScreenId::MoreTime),
        plain(ScreenId::OutOfService),
        {ScreenId::OutOfService, "out_of_service_tamper", "tamper detected",
         [](ViewModel& vm) { vm.message_key = "out_of_service.tamper"; }},
        {ScreenId::OutOfService, "out_of_service_self_test", "kioskctl selftest running",
         [](ViewModel& vm) { vm.message_key = "out_of_service.self_test"; }},
        plain(ScreenId::SessionOptions),
        {ScreenId::SessionOptions, "session_options_speech", "speech switched on",
         [](ViewModel& vm) { vm.accessibility.speech = true; }},
        plain(ScreenId::WithdrawalAmount),
        plain(ScreenId::EnterAmount),
        {ScreenId::EnterAmount, "enter_amount_empty", "nothing typed yet, after an amount that was not a multiple",
         [](ViewModel& vm) {
             vm.amount.reset();
             vm.message_key = "amount.not_multiple";
         }},
        plain(ScreenId::AccountChoice),
        plain(ScreenId::EnterNewPin),
        {ScreenId::EnterNewPin, "enter_new_pin_mismatch", "the two new PINs did not match",
         [](ViewModel& vm) { vm.message_key = "new_pin.mismatch"; }},
        plain(ScreenId::ConfirmNewPin),
        plain(ScreenId::CardlessEntry),
        {ScreenId::CardlessEntry, "cardless_code", "the one-time code field, after a wrong code",
         [](ViewModel& vm) {
             vm.entry_field = EntryField::OneTimeCode;
             vm.typed_digits.clear();
             vm.pin_digits_entered = 5;
             vm.message_key = "cardless.code_invalid";
         }},
        plain(ScreenId::MiniStatement),
        {ScreenId::MiniStatement, "mini_statement_empty", "no entries",
         [](ViewModel& vm) { vm.statement.clear(); }},
        plain(ScreenId::Dispensing),
        plain(ScreenId::TakeCash),
        plain(ScreenId::AnotherTransaction),
        plain(ScreenId::TransactionDone),
        {ScreenId::TransactionDone, "transaction_done_pin", "PIN changed (no amount)",
         [](ViewModel& vm) {
             vm.message_key = "done.pin_changed";
             vm.amount.reset();
         }},
        plain(ScreenId::ReceiptQr),
        plain(ScreenId::Survey),
        plain(ScreenId::SurveyReasons),
        plain(ScreenId::SurveyNps),
        plain(ScreenId::ComplaintOffer),
        plain(ScreenId::ComplaintCategory),
        plain(ScreenId::ComplaintConfirm),
        plain(ScreenId::ComplaintDone),
        // The service mode's pages (docs/technician.md).
        plain(ScreenId::ServiceSignIn),
        plain(ScreenId::ServiceOverview),
        plain(ScreenId::ServiceDeviceTests),
        plain(ScreenId::ServiceCash),
        plain(ScreenId::ServiceOutbox),
        plain(ScreenId::ServiceJournal),
        plain(ScreenId::ServiceKeys),
        plain(ScreenId::ServiceNetwork),
        plain(ScreenId::ServiceQuality),
        plain(ScreenId::ServiceAbout),
        plain(ScreenId::ServiceEnterCount),
        plain(ScreenId::ServiceLeaving),
        {ScreenId::ComplaintDone, "complaint_done_qr", "no printer: the reference as a QR code",
         [](ViewModel& vm) {
             vm.message_key = "complaint.scan_qr";
             vm.qr_text = "https://help.kioskbank.example/c/KB-20261202-7Q4M";
         }},
        {ScreenId::ComplaintDone, "complaint_done_not_recorded", "the report could not be stored",
         [](ViewModel& vm) {
             vm.message_key = "complaint.not_recorded";
             vm.receipt_reference.clear();
         }},
    };
    return list;
}

constexpr std::array kLooks = {
    GalleryLook{"", "normal", {}, true},
    GalleryLook{"_hc", "high contrast", {false, true, false}, false},
    GalleryLook{"_large", "large text", {true, false, false}, false},
    GalleryLook{"_large_hc", "large text, high contrast", {true, true, false}, false},
};

constexpr std::array kLanguages = {
    GalleryLanguage{Language::English, "en", "English"},
    GalleryLanguage{Language::SimplifiedChinese, "zh", "简体中文"},
};

}  // namespace

std::string GalleryImage::file_name() const {
    return sample->name + "_" + std::string(language->code) + std::string(look->suffix) + ".png";
}

ViewModel GalleryImage::view_model() const {
    ViewModel vm = sample_view_model(sample->screen, language->language, look->accessibility);
    if (sample->change) sample->change(vm);
    return vm;
}

std::span<const GallerySample> gallery_samples() { return samples(); }
std::span<const GalleryLook> gallery_looks() { return kLooks; }
std::span<const GalleryLanguage> gallery_languages() { return kLanguages; }

std::vector<GalleryImage> gallery_images() {
    std::vector<GalleryImage> images;
    for (const GallerySample& sample : gallery_samples()) {
        for (const GalleryLanguage& language : kLanguages) {
            for (const GalleryLook& look : kLooks) images.push_back({&sample, &language, &look});
        }
    }
    return images;
}

}  // namespace kiosk::ui
