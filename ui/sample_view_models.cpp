// Sample data for each screen. Action ids here ("balance", "cancel", "receipt_yes", …) are the
// ones docs/ui.md lists for the runtime; the UI itself only echoes whatever action a button has.
#include "ui/sample_view_models.hpp"

#include "ui/key_map.hpp"

namespace kiosk::ui {

ViewModel sample_view_model(ScreenId screen, Language language, Accessibility accessibility) {
    ViewModel vm;
    vm.screen = screen;
    vm.language = language;
    vm.accessibility = accessibility;
    const Button cancel{"cancel", "action.cancel", true};
    switch (screen) {
        case ScreenId::Attract:
            vm.buttons = {{"lang_en", "language.english", true},
                          {"lang_zh", "language.chinese", true},
                          {"cardless", "attract.cardless", true}};
            break;
        case ScreenId::ReadingCard: break;
        case ScreenId::EnterPin:
            vm.masked_pan = "622848******1234";
            vm.pin_digits_entered = 4;
            vm.seconds_left = 25;
            vm.buttons = {cancel};
            break;
        case ScreenId::MainMenu:
            vm.masked_pan = "622848******1234";
            vm.menu = MenuOffers{};
            vm.buttons = {cancel};
            break;
        case ScreenId::Processing: break;
        case ScreenId::BalanceDisplay:
            vm.masked_pan = "622848******1234";
            vm.balance = Money{123456789, "CNY", 2};
            vm.buttons = {cancel, {"continue", "action.continue", true}};
            break;
        case ScreenId::ReceiptChoice:
            vm.buttons = {{"receipt_no", "receipt.no", true}, {"receipt_yes", "receipt.yes", true}};
            break;
        case ScreenId::Printing: break;
        case ScreenId::TakeCard: vm.message_key = "session.cancelled"; break;
        case ScreenId::ThankYou: break;
        case ScreenId::WrongPin:
            vm.masked_pan = "622848******1234";
            vm.tries_left = 2;
            vm.buttons = {cancel, {"try_again", "action.try_again", true}};
            break;
        case ScreenId::CardRetained:
            vm.message_key = "pin.tries_exceeded";
            vm.buttons = {{"report_problem", "complaint.report_it", true}};
            break;
        case ScreenId::TransactionFailed: vm.message_key = "decline.insufficient_funds"; break;
        case ScreenId::CardUnreadable: vm.message_key = "card.unreadable"; break;
        case ScreenId::MoreTime:
            vm.seconds_left = 20;
            vm.buttons = {{"more_time_no", "more_time.no", true}, {"more_time_yes", "more_time.yes", true}};
            break;
        case ScreenId::OutOfService: vm.message_key = "out_of_service.host_unreachable"; break;
        case ScreenId::SessionOptions:
            vm.masked_pan = "622848******1234";
            vm.buttons = {cancel, {"continue", "action.continue", true}};
            break;
        case ScreenId::WithdrawalAmount:
            vm.usual_amount = Money{80000, "CNY", 2};
            vm.fast_cash = {Money{10000, "CNY", 2}, Money{20000, "CNY", 2}, Money{50000, "CNY", 2},
                            Money{100000, "CNY", 2}, Money{200000, "CNY", 2}};
            vm.seconds_left = 40;
            vm.buttons = {{"other_amount", "amount.other", true}, cancel};
            break;
        case ScreenId::EnterAmount:
            vm.amount = Money{150000, "CNY", 2};
            vm.amount_step = Money{5000, "CNY", 2};
            vm.buttons = {cancel};
            break;
        case ScreenId::AccountChoice:
            vm.message_key = "account.from";
            vm.accounts = {{"account.savings", "**** 5678", Money{2345600, "CNY", 2}},
                           {"account.current", "**** 9012", Money{88050, "CNY", 2}},
                           {"account.credit", "**** 3456", std::nullopt}};
            vm.buttons = {cancel};
            break;
        case ScreenId::EnterNewPin:
            vm.pin_digits_entered = 3;
            vm.buttons = {cancel};
            break;
        case ScreenId::ConfirmNewPin:
            vm.pin_digits_entered = 6;
            vm.buttons = {cancel};
            break;
        case ScreenId::CardlessEntry:
            vm.entry_field = EntryField::PhoneNumber;
            vm.typed_digits = "1380013800";
            vm.buttons = {cancel};
            break;
        case ScreenId::MiniStatement:
            vm.masked_pan = "622848******1234";
            vm.balance = Money{1234567, "CNY", 2};
            vm.statement = {{"2026-11-22", "statement.atm_withdrawal", Money{-100000, "CNY", 2}},
                            {"2026-11-21", "statement.card_payment", Money{-25880, "CNY", 2}},
                            {"2026-11-20", "statement.salary", Money{1250000, "CNY", 2}},
                            {"2026-11-18", "statement.online_payment", Money{-9990, "CNY", 2}},
                            {"2026-11-17", "statement.transfer_out", Money{-300000, "CNY", 2}},
                            {"2026-11-15", "statement.transfer_in", Money{50000, "CNY", 2}},
                            {"2026-11-12", "statement.card_payment", Money{-4550, "CNY", 2}},
                            {"2026-11-10", "statement.fee", Money{-200, "CNY", 2}},
                            {"2026-11-05", "statement.cardless_withdrawal", Money{-50000, "CNY", 2}},
                            {"2026-11-01", "statement.interest", Money{1234, "CNY", 2}}};
            vm.buttons = {{"continue", "action.continue", true}};
            break;
        case ScreenId::Dispensing: break;
        case ScreenId::TakeCash:
            vm.amount = Money{150000, "CNY", 2};
            vm.seconds_left = 30;
            break;
        case ScreenId::AnotherTransaction:
            vm.buttons = {{"another_no", "another.no", true}, {"another_yes", "another.yes", true}};
            break;
        case ScreenId::TransactionDone:
            vm.message_key = "done.transfer";
            vm.amount = Money{50000, "CNY", 2};
            vm.buttons = {{"continue", "action.continue", true}};
            break;
        case ScreenId::ReceiptQr:
            vm.qr_text = "https://receipts.kioskbank.example/r/K7QX-20261123-004217";
            vm.receipt_reference = "K7QX-20261123-004217";
            vm.buttons = {{"continue", "action.continue", true}};
            break;
        case ScreenId::Survey: vm.buttons = {{"survey_skip", "survey.skip", true}}; break;
        case ScreenId::SurveyReasons:
            for (const char* tag : {"waiting", "hard_to_use", "cash", "card", "receipt", "other"}) {
                const std::string name(tag);
                vm.chips.push_back({{"survey_reason_" + name, "survey.reason." + name, true}, name == "waiting" || name == "cash"});
            }
            vm.buttons = {{"survey_done", "survey.done", true}, {"survey_skip", "survey.skip", true}};
            break;
        case ScreenId::SurveyNps: vm.buttons = {{"survey_skip", "survey.skip", true}}; break;
        case ScreenId::ComplaintOffer:
            vm.message_key = "cash.dispense_failed";
            vm.buttons = {{"cancel", "complaint.no_thanks", true}, {"report_problem", "complaint.report_it", true}};
            break;
        case ScreenId::ComplaintCategory:
            vm.buttons = {{"complaint_category_0", "complaint.category.cash_not_dispensed", true, true},
                          {"complaint_category_1", "complaint.category.card_retained", true},
                          {"complaint_category_2", "complaint.category.screen_not_responding", true},
                          {"complaint_category_3", "complaint.category.receipt", true},
                          {"complaint_category_4", "complaint.category.other", true},
                          {"cancel", "action.cancel", true}};
            break;
        case ScreenId::ComplaintConfirm:
            vm.facts = {{"complaint.fact.category", "complaint.category.cash_not_dispensed", std::nullopt, ""},
                        {"complaint.fact.transaction", "", std::nullopt, "000000004711"},
                        {"complaint.fact.amount", "", Money{50000, "CNY", 2}, ""}};
            vm.buttons = {{"cancel", "action.cancel", true},
                          {"report_problem", "complaint.change", true},
                          {"complaint_send", "complaint.send", true}};
            break;
        case ScreenId::ComplaintDone:
            vm.message_key = "complaint.slip_printed";
            vm.receipt_reference = "KB-20261202-7Q4M";
            vm.buttons = {{"continue", "action.continue", true}};
            break;
    }
    // The header's "Report a problem", as the kiosk offers it (docs/ui.md § Complaints).
    switch (screen) {
        case ScreenId::OutOfService:
        case ScreenId::ComplaintOffer:
        case ScreenId::ComplaintCategory:
        case ScreenId::ComplaintConfirm:
        case ScreenId::ComplaintDone: vm.report_problem = Offer::Hidden; break;
        case ScreenId::ReadingCard:
        case ScreenId::Printing:
        case ScreenId::Dispensing:
        case ScreenId::TakeCash:
        case ScreenId::ThankYou: vm.report_problem = Offer::Unavailable; break;
        default: vm.report_problem = Offer::Available; break;
    }
    vm.focused = default_focus(vm);  // as the runtime starts it: on the way forward
    return vm;
}

}  // namespace kiosk::ui
