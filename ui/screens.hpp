// What each ScreenId shows: its title and instruction keys and which extra element it carries
// (PIN field, balance, activity dots, big countdown). The flow decides the screen; this says its look.
#pragma once

#include <span>
#include <string_view>

#include "ui/view_model.hpp"

namespace kiosk::ui {

enum class ScreenWidget {
    None,
    PinField,   // one dot per digit typed, never the digits
    Balance,    // "Available balance" + the amount, large
    Activity,   // three dots: the machine is working, nothing to do
    Countdown,  // seconds_left, large (the "more time?" warning)
    CardSlot,   // a drawn card and slot: where the card goes in or comes out
    AmountField,// EnterAmount: the amount typed so far in a field, the allowed step under it
    Amount,     // "Amount" + the view-model's `amount`, large (TakeCash, TransactionDone)
    EntryField, // CardlessEntry: dots for the one-time code, the digits for the phone number
    Statement,  // MiniStatement: a table of dated entries, the balance on the title line
    QrCode,     // ReceiptQr: the e-receipt's QR code beside its reference number; ComplaintDone: the
                // report's reference, and its QR code only when `qr_text` is set (no slip printed)
    Facts,      // ComplaintConfirm: "label: value" lines, what will be sent
    ServiceLines,  // service pages: "label: value" lines in small text, as many as fit, long values
                   // wrapped; what does not fit ends in "…" (the technician sees the rest in kioskctl)
};

struct ScreenSpec {
    ScreenId id;
    std::string_view name;       // stable file-name form: "enter_pin"
    std::string_view title_key;
    std::string_view body_key;
    ScreenWidget widget = ScreenWidget::None;
    bool shows_card_number = false;  // masked PAN, when the view-model has one
    bool shows_tries_left = false;   // tries_left, when the view-model has it
    // A message_key this screen's own title already says ("card.unreadable" on CardUnreadable):
    // not repeated in a notice.
    std::string_view implied_message_key = {};
    int button_columns = 2;          // 3 for the fast-cash grid
    // The title is the view-model's message_key (falling back to title_key), and the body is
    // message_key + ".detail" when that key exists: TransactionDone ("done.transfer"), AccountChoice.
    bool title_from_message = false;
    // A message in the notice box replaces the instruction (the three-row amount grid leaves room
    // for title and one of the two in large text).
    bool notice_replaces_body = false;
};

const ScreenSpec& screen_spec(ScreenId id);

// The title and instruction keys this view-model's screen shows: the spec's, or the ones its
// data picks (title_from_message, the CardlessEntry field).
struct ScreenText {
    std::string title_key;
    std::string body_key;  // empty: no instruction line
};
[[nodiscard]] ScreenText screen_text(const ViewModel& vm);

// Every screen, in ScreenId order.
std::span<const ScreenSpec> all_screens();

}  // namespace kiosk::ui
