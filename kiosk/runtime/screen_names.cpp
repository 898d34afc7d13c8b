#include "kiosk/runtime/screen_names.hpp"

namespace kiosk {

std::string_view screen_name(ui::ScreenId screen) {
    switch (screen) {
        case ui::ScreenId::Attract: return "attract";
        case ui::ScreenId::ReadingCard: return "reading_card";
        case ui::ScreenId::EnterPin: return "enter_pin";
        case ui::ScreenId::MainMenu: return "main_menu";
        case ui::ScreenId::Processing: return "processing";
        case ui::ScreenId::BalanceDisplay: return "balance";
        case ui::ScreenId::ReceiptChoice: return "receipt_choice";
        case ui::ScreenId::Printing: return "printing";
        case ui::ScreenId::TakeCard: return "take_card";
        case ui::ScreenId::ThankYou: return "thank_you";
        case ui::ScreenId::WrongPin: return "wrong_pin";
        case ui::ScreenId::CardRetained: return "card_retained";
        case ui::ScreenId::TransactionFailed: return "transaction_failed";
        case ui::ScreenId::CardUnreadable: return "card_unreadable";
        case ui::ScreenId::MoreTime: return "more_time";
        case ui::ScreenId::OutOfService: return "out_of_service";
    }
    return "unknown";
}

}  // namespace kiosk
