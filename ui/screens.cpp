// The screen table. A switch in screen_spec() (no default) makes the compiler flag any ScreenId
// added to view_model.hpp without a screen here.
#include "ui/screens.hpp"

#include <array>

#include "ui/i18n.hpp"

namespace kiosk::ui {
namespace {

using W = ScreenWidget;
constexpr std::array kScreens = std::to_array<ScreenSpec>({
    // With the card reader down the notice (cardless only) replaces "insert your card", which it contradicts.
    {ScreenId::Attract, "attract", "attract.title", "attract.body", W::CardSlot, false, false, {}, 2, false, true},
    {ScreenId::ReadingCard, "reading_card", "reading.title", "reading.body", W::Activity, false, false},
    {ScreenId::EnterPin, "enter_pin", "pin.title", "pin.prompt", W::PinField, true, true},
    {ScreenId::MainMenu, "main_menu", "menu.title", "", W::None, true, false},
    {ScreenId::Processing, "processing", "processing.title", "processing.body", W::Activity, false, false},
    {ScreenId::BalanceDisplay, "balance", "balance.title", "balance.body", W::Balance, true, false},
    {ScreenId::ReceiptChoice, "receipt_choice", "receipt.title", "receipt.question", W::None, false, false},
    {ScreenId::Printing, "printing", "printing.title", "printing.body", W::Activity, false, false},
    {ScreenId::TakeCard, "take_card", "take_card.title", "take_card.body", W::CardSlot, false, false},
    {ScreenId::ThankYou, "thank_you", "thank_you.title", "thank_you.body", W::None, false, false},
    {ScreenId::WrongPin, "wrong_pin", "wrong_pin.title", "wrong_pin.body", W::None, true, true},
    {ScreenId::CardRetained, "card_retained", "retained.title", "retained.body", W::None, false, false},
    {ScreenId::TransactionFailed, "transaction_failed", "failed.title", "failed.body", W::None, false, false},
    {ScreenId::CardUnreadable, "card_unreadable", "unreadable.title", "unreadable.body", W::CardSlot, false, false,
     "card.unreadable"},
    {ScreenId::MoreTime, "more_time", "more_time.title", "more_time.body", W::Countdown, false, false},
    {ScreenId::OutOfService, "out_of_service", "out_of_service.title", "out_of_service.body", W::None, false, false},
    {ScreenId::SessionOptions, "session_options", "options.title", "options.body", W::None, false, false},
    {ScreenId::WithdrawalAmount, "withdrawal_amount", "amount.title", "amount.body", W::None, false, false, {}, 3,
     false, true},
    {ScreenId::EnterAmount, "enter_amount", "enter_amount.title", "enter_amount.body", W::AmountField, false, false},
    {ScreenId::AccountChoice, "account_choice", "account.title", "account.body", W::None, false, false, {}, 2, true},
    {ScreenId::EnterNewPin, "enter_new_pin", "new_pin.title", "new_pin.body", W::PinField, false, false},
    {ScreenId::ConfirmNewPin, "confirm_new_pin", "confirm_pin.title", "confirm_pin.body", W::PinField, false, false},
    {ScreenId::CardlessEntry, "cardless_entry", "cardless.code_title", "cardless.code_body", W::EntryField, false,
     false},
    {ScreenId::MiniStatement, "mini_statement", "statement.title", "", W::Statement, false, false},
    {ScreenId::Dispensing, "dispensing", "dispensing.title", "dispensing.body", W::Activity, false, false},
    {ScreenId::TakeCash, "take_cash", "take_cash.title", "take_cash.body", W::Amount, false, false},
    {ScreenId::AnotherTransaction, "another_transaction", "another.title", "another.body", W::None, false, false},
    {ScreenId::TransactionDone, "transaction_done", "done.title", "done.body", W::Amount, false, false, {}, 2, true},
    {ScreenId::ReceiptQr, "receipt_qr", "receipt_qr.title", "receipt_qr.body", W::QrCode, false, false},
    // Five faces and Skip in two rows of three; six tags, Done and Skip in three; 0–10 and Skip in
    // three rows of four.
    {ScreenId::Survey, "survey", "survey.title", "survey.body", W::None, false, false, {}, 3},
    {ScreenId::SurveyReasons, "survey_reasons", "survey_reasons.title", "survey_reasons.body", W::None, false, false,
     {}, 3},
    {ScreenId::SurveyNps, "survey_nps", "survey_nps.title", "survey_nps.body", W::None, false, false, {}, 4},
    {ScreenId::ComplaintOffer, "complaint_offer", "complaint_offer.title", "complaint_offer.body", W::None, false, false},
    {ScreenId::ComplaintCategory, "complaint_category", "complaint_category.title", "complaint_category.body", W::None,
     false, false},
    {ScreenId::ComplaintConfirm, "complaint_confirm", "complaint_confirm.title", "complaint_confirm.body", W::Facts,
     false, false},
    {ScreenId::ComplaintDone, "complaint_done", "complaint_done.title", "complaint_done.body", W::QrCode, false, false},
    // Service pages: four buttons a row, so the tests, resets and page links fit under the lines.
    {ScreenId::ServiceSignIn, "service_sign_in", "service.sign_in.title", "service.sign_in.body", W::ServiceLines,
     false, false, {}, 4},
    {ScreenId::ServiceOverview, "service_overview", "service.overview.title", "", W::ServiceLines, false, false, {}, 4},
    {ScreenId::ServiceDeviceTests, "service_device_tests", "service.device_tests.title", "", W::ServiceLines, false,
     false, {}, 4},
    {ScreenId::ServiceCash, "service_cash", "service.cash.title", "", W::ServiceLines, false, false, {}, 4},
    {ScreenId::ServiceOutbox, "service_outbox", "service.outbox.title", "", W::ServiceLines, false, false, {}, 4},
    {ScreenId::ServiceJournal, "service_journal", "service.journal.title", "", W::ServiceLines, false, false, {}, 4},
    {ScreenId::ServiceKeys, "service_keys", "service.keys.title", "", W::ServiceLines, false, false, {}, 4},
    {ScreenId::ServiceNetwork, "service_network", "service.network.title", "", W::ServiceLines, false, false, {}, 4},
    {ScreenId::ServiceQuality, "service_quality", "service.quality.title", "", W::ServiceLines, false, false, {}, 4},
    {ScreenId::ServiceAbout, "service_about", "service.about.title", "", W::ServiceLines, false, false, {}, 4},
    {ScreenId::ServiceEnterCount, "service_enter_count", "service.enter_count.title", "service.enter_count.body",
     W::ServiceLines, false, false, {}, 4},
    {ScreenId::ServiceLeaving, "service_leaving", "service.leaving.title", "service.leaving.body", W::Activity, false,
     false, {}, 4},
});

constexpr std::size_t index_of(ScreenId id) {
    switch (id) {
        case ScreenId::Attract: return 0;
        case ScreenId::ReadingCard: return 1;
        case ScreenId::EnterPin: return 2;
        case ScreenId::MainMenu: return 3;
        case ScreenId::Processing: return 4;
        case ScreenId::BalanceDisplay: return 5;
        case ScreenId::ReceiptChoice: return 6;
        case ScreenId::Printing: return 7;
        case ScreenId::TakeCard: return 8;
        case ScreenId::ThankYou: return 9;
        case ScreenId::WrongPin: return 10;
        case ScreenId::CardRetained: return 11;
        case ScreenId::TransactionFailed: return 12;
        case ScreenId::CardUnreadable: return 13;
        case ScreenId::MoreTime: return 14;
        case ScreenId::OutOfService: return 15;
        case ScreenId::SessionOptions: return 16;
        case ScreenId::WithdrawalAmount: return 17;
        case ScreenId::EnterAmount: return 18;
        case ScreenId::AccountChoice: return 19;
        case ScreenId::EnterNewPin: return 20;
        case ScreenId::ConfirmNewPin: return 21;
        case ScreenId::CardlessEntry: return 22;
        case ScreenId::MiniStatement: return 23;
        case ScreenId::Dispensing: return 24;
        case ScreenId::TakeCash: return 25;
        case ScreenId::AnotherTransaction: return 26;
        case ScreenId::TransactionDone: return 27;
        case ScreenId::ReceiptQr: return 28;
        case ScreenId::Survey: return 29;
        case ScreenId::SurveyReasons: return 30;
        case ScreenId::SurveyNps: return 31;
        case ScreenId::ComplaintOffer: return 32;
        case ScreenId::ComplaintCategory: return 33;
        case ScreenId::ComplaintConfirm: return 34;
        case ScreenId::ComplaintDone: return 35;
        case ScreenId::ServiceSignIn: return 36;
        case ScreenId::ServiceOverview: return 37;
        case ScreenId::ServiceDeviceTests: return 38;
        case ScreenId::ServiceCash: return 39;
        case ScreenId::ServiceOutbox: return 40;
        case ScreenId::ServiceJournal: return 41;
        case ScreenId::ServiceKeys: return 42;
        case ScreenId::ServiceNetwork: return 43;
        case ScreenId::ServiceQuality: return 44;
        case ScreenId::ServiceAbout: return 45;
        case ScreenId::ServiceEnterCount: return 46;
        case ScreenId::ServiceLeaving: return 47;
    }
    return 15;  // unreachable for valid enum values; out-of-range casts get "out of service"
}

// The table and the switch must agree; checked at compile time.
constexpr bool table_matches_switch() {
    for (std::size_t i = 0; i < kScreens.size(); ++i) {
        if (index_of(kScreens[i].id) != i) return false;
    }
    return true;
}
static_assert(table_matches_switch(), "kScreens must list ScreenIds in enum order");

}  // namespace

const ScreenSpec& screen_spec(ScreenId id) { return kScreens.at(index_of(id)); }

std::span<const ScreenSpec> all_screens() { return kScreens; }

ScreenText screen_text(const ViewModel& vm) {
    const ScreenSpec& spec = screen_spec(vm.screen);
    if (spec.title_from_message && !vm.message_key.empty()) {
        std::string detail = vm.message_key + ".detail";
        return {vm.message_key, has_translation(detail) ? std::move(detail) : std::string(spec.body_key)};
    }
    if (spec.notice_replaces_body && !vm.message_key.empty()) return {std::string(spec.title_key), {}};
    if (vm.screen == ScreenId::ComplaintDone && vm.message_key == "complaint.not_recorded") {
        // Nothing was received: saying "Report received" above the apology would be untrue.
        return {"complaint_done.not_recorded_title", {}};
    }
    if (vm.screen == ScreenId::CardlessEntry && vm.entry_field == EntryField::PhoneNumber) {
        return {"cardless.phone_title", "cardless.phone_body"};
    }
    return {std::string(spec.title_key), std::string(spec.body_key)};
}

}  // namespace kiosk::ui
