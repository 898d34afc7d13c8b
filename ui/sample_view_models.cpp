// Sample data for each screen. Action ids here ("balance", "cancel", "receipt_yes", …) are the
// ones docs/ui.md lists for the runtime; the UI itself only echoes whatever action a button has.
#include "ui/sample_view_models.hpp"

namespace kiosk::ui {

ViewModel sample_view_model(ScreenId screen, Language language, Accessibility accessibility) {
    ViewModel vm;
    vm.screen = screen;
    vm.language = language;
    vm.accessibility = accessibility;
    const Button cancel{"cancel", "action.cancel", true};
    switch (screen) {
        case ScreenId::Attract:
            vm.buttons = {{"lang_en", "language.english", true}, {"lang_zh", "language.chinese", true}};
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
            vm.buttons = {{"balance", "menu.balance", true}, {"withdrawal", "menu.withdrawal", false}, cancel};
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
        case ScreenId::CardRetained: vm.message_key = "pin.tries_exceeded"; break;
        case ScreenId::TransactionFailed: vm.message_key = "decline.insufficient_funds"; break;
        case ScreenId::CardUnreadable: vm.message_key = "card.unreadable"; break;
        case ScreenId::MoreTime:
            vm.seconds_left = 20;
            vm.buttons = {{"more_time_no", "more_time.no", true}, {"more_time_yes", "more_time.yes", true}};
            break;
        case ScreenId::OutOfService: break;
    }
    return vm;
}

}  // namespace kiosk::ui
