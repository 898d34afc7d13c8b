// What the runtime hands the UI: which screen to show and the plain data it needs. The UI lays it
// out, translates it and draws it; it never decides anything (ui/ never includes kiosk/).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/money.hpp"

namespace kiosk::ui {

enum class ScreenId {
    Attract,          // welcome, "insert your card", language buttons
    ReadingCard,      // card is being read
    EnterPin,         // PIN entry, shows one dot per digit typed
    MainMenu,         // transaction choice
    Processing,       // waiting for the bank
    BalanceDisplay,   // shows the account balance
    ReceiptChoice,    // "Would you like a receipt?"
    Printing,         // receipt is printing
    TakeCard,         // "Please take your card"
    ThankYou,         // goodbye
    WrongPin,         // PIN was not accepted; tries left
    CardRetained,     // card kept by the machine, what to do next
    TransactionFailed,// host declined or could not be reached; reason key in `message_key`
    CardUnreadable,   // card could not be read; card returned
    MoreTime,         // "Do you need more time?"
    OutOfService,     // terminal not serving
};

enum class Language { English, SimplifiedChinese };

// A touch target on screen. `action` is an opaque id the runtime maps back to a flow event.
struct Button {
    std::string action;     // e.g. "balance", "cancel", "receipt_yes", "lang_zh"
    std::string label_key;  // i18n key, e.g. "menu.balance"
    bool enabled = true;
};

struct Accessibility {
    bool large_text = false;
    bool high_contrast = false;
};

struct ViewModel {
    ScreenId screen = ScreenId::Attract;
    Language language = Language::English;
    Accessibility accessibility;
    std::vector<Button> buttons;
    std::string masked_pan;                 // at most first 6 / last 4 digits — never a full PAN
    int pin_digits_entered = 0;             // dots only; the UI never sees a PIN digit
    std::optional<Money> balance;
    std::optional<int> tries_left;
    std::string message_key;                // extra i18n key (decline reason, …)
    std::optional<int> seconds_left;        // countdown shown on timed screens
};

}  // namespace kiosk::ui
