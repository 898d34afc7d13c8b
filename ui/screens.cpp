// The screen table. A switch in screen_spec() (no default) makes the compiler flag any ScreenId
// added to view_model.hpp without a screen here.
#include "ui/screens.hpp"

#include <array>

namespace kiosk::ui {
namespace {

using W = ScreenWidget;
constexpr std::array kScreens = std::to_array<ScreenSpec>({
    {ScreenId::Attract, "attract", "attract.title", "attract.body", W::CardSlot, false, false},
    {ScreenId::ReadingCard, "reading_card", "reading.title", "reading.body", W::Activity, false, false},
    {ScreenId::EnterPin, "enter_pin", "pin.title", "pin.prompt", W::PinField, true, true},
    {ScreenId::MainMenu, "main_menu", "menu.title", "menu.body", W::None, true, false},
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

}  // namespace kiosk::ui
