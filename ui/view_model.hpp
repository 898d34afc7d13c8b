// What the runtime hands the UI: which screen to show and the plain data it needs. The UI lays it
// out, translates it and draws it; it never decides anything (ui/ never includes kiosk/).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
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
    OutOfService,     // terminal not serving; the reason key in `message_key`
    // The complete customer flow (docs/ui.md lists each screen's buttons and fields).
    SessionOptions,    // after the card is read, before the PIN: language, large text, contrast, speech
    WithdrawalAmount,  // fast-cash amounts (`fast_cash`), the customer's usual amount, other amount
    EnterAmount,       // amount typed on the PIN pad (`amount`), in multiples of `amount_step`
    AccountChoice,     // which account (`accounts`); `message_key` says from or to
    EnterNewPin,       // PIN change: the new PIN, dots only
    ConfirmNewPin,     // PIN change: the new PIN again, dots only
    CardlessEntry,     // cardless withdrawal: one-time code (dots) or phone number (digits), per `entry_field`
    MiniStatement,     // the last entries (`statement`) and the balance
    Dispensing,        // "Counting your cash…"
    TakeCash,          // "Please take your cash": `amount`, countdown in `seconds_left`
    AnotherTransaction,// "Would you like another transaction?"
    TransactionDone,   // generic success: title key in `message_key` ("done.transfer"), optional `amount`
    ReceiptQr,         // e-receipt as a QR code (`qr_text`) and its reference (`receipt_reference`)
    // The post-transaction survey (docs/ui.md, "The survey"): every screen has a one-touch Skip.
    Survey,            // satisfaction: five faces 1–5, each drawn and labelled ("survey_csat_1" …)
    SurveyReasons,     // after a low score: the reason tags as chips (`chips`), Done
    SurveyNps,         // 0–10 ("survey_nps_0" …)
    // "Report a problem" (docs/ui.md § Complaints).
    ComplaintOffer,    // after a failure: "Something went wrong. Report it?"; the failure in `message_key`
    ComplaintCategory, // the five categories, the known one `marked`
    ComplaintConfirm,  // what will be sent (`facts`)
    ComplaintDone,     // the reference (`receipt_reference`), on a slip or as a QR code (`qr_text`)
    // Service mode (docs/technician.md): for the technician, not the customer. Each page is its
    // title, `facts` as "label: value" lines (values in plain words, never card data) and its
    // actions as buttons; `message_key` says how the last action went.
    ServiceSignIn,      // technician id (digits) and PIN (dots) in `facts`
    ServiceOverview,    // every device: state, cause, suggested action
    ServiceDeviceTests, // the tests and the latched-fault resets
    ServiceCash,        // per cassette: loaded, dispensed, rejected, retracted, remaining; host totals
    ServiceOutbox,      // pending per priority, oldest, last success and error, dead letters
    ServiceJournal,     // the last lines, the chain's verification
    ServiceKeys,        // certificates and keys, expiry
    ServiceNetwork,     // the host and the CRM: reachable, latency
    ServiceQuality,     // the service-quality index
    ServiceAbout,       // version and settings
    ServiceEnterCount,  // replenish: one cassette's new count
    ServiceLeaving,     // the fitness check before going back into service
};

enum class Language { English, SimplifiedChinese };

// A touch target on screen. `action` is an opaque id the runtime maps back to a flow event.
struct Button {
    std::string action;     // e.g. "balance", "cancel", "receipt_yes", "lang_zh"
    std::string label_key;  // i18n key, e.g. "menu.balance"
    bool enabled = true;
    bool marked = false;    // pre-selected (the complaint category the kiosk knows): drawn with a ring

    friend bool operator==(const Button&, const Button&) = default;
};

// ComplaintConfirm and the service pages: one line, "label: value". The value is translated from
// `value_key` (each "{}" in it filled in turn from `value_args`: "{} records" + "12"), or the
// `amount`, or the literal `value` (a transaction reference, a device's own words).
struct FactLine {
    FactLine() = default;
    FactLine(std::string label, std::string key, std::optional<Money> money, std::string text,
             std::vector<std::string> args = {})
        : label_key(std::move(label)),
          value_key(std::move(key)),
          amount(std::move(money)),
          value(std::move(text)),
          value_args(std::move(args)) {}

    std::string label_key;
    std::string value_key;
    std::optional<Money> amount;
    std::string value;
    std::vector<std::string> value_args;

    friend bool operator==(const FactLine&, const FactLine&) = default;
};

struct Accessibility {
    bool large_text = false;
    bool high_contrast = false;
    bool speech = false;  // not drawn; SessionOptions shows its toggle state

    friend bool operator==(const Accessibility&, const Accessibility&) = default;
};

// MainMenu: how each transaction is offered, from device fitness (docs/ui.md, "Degraded modes").
enum class Offer {
    Available,
    Unavailable,  // shown grey and inert: the customer sees it exists but cannot use it now
    Hidden,
};

struct MenuOffers {
    Offer withdrawal = Offer::Available;
    Offer balance = Offer::Available;
    Offer mini_statement = Offer::Available;
    bool mini_statement_on_screen_only = false;  // no printer: the label says "on screen"
    Offer transfer = Offer::Available;
    Offer change_pin = Offer::Available;

    friend bool operator==(const MenuOffers&, const MenuOffers&) = default;
};

// AccountChoice: one of the customer's accounts, already masked by the runtime.
struct AccountOption {
    std::string type_key;       // i18n key: "account.savings", "account.current", "account.credit"
    std::string masked_number;  // e.g. "**** 5678" — never a full account number
    std::optional<Money> balance;

    friend bool operator==(const AccountOption&, const AccountOption&) = default;
};

// SurveyReasons: a tag the customer may choose (several may be), drawn as a toggle.
struct Chip {
    Button button;
    bool on = false;

    friend bool operator==(const Chip&, const Chip&) = default;
};

// MiniStatement: one entry.
struct StatementLine {
    std::string date;             // as the host gives it, e.g. "2026-11-20"
    std::string description_key;  // i18n key: "statement.atm_withdrawal", "statement.salary", …
    Money amount;                 // signed: negative for money out

    friend bool operator==(const StatementLine&, const StatementLine&) = default;
};

// CardlessEntry: which of its two fields is being typed.
enum class EntryField { OneTimeCode, PhoneNumber };

struct ViewModel {
    ScreenId screen = ScreenId::Attract;
    Language language = Language::English;
    Accessibility accessibility;
    std::vector<Button> buttons;
    std::string masked_pan;                 // at most first 6 / last 4 digits — never a full PAN
    int pin_digits_entered = 0;             // dots only (PIN, new PIN, one-time code); never a digit
    std::optional<Money> balance;
    std::optional<int> tries_left;
    std::string message_key;                // extra i18n key (decline reason, …)
    std::optional<int> seconds_left;        // countdown shown on timed screens

    // The complete flow's screens. Each field is read only by the screens named; docs/ui.md.
    std::optional<MenuOffers> menu;         // MainMenu: when set, the UI makes the transaction buttons
    std::string offer_line;                 // MainMenu: the bank's one-line offer for this customer, in vm.language; usually empty
    std::vector<Money> fast_cash;           // WithdrawalAmount: the grid holds 9 buttons with the usual, Other, Cancel
    std::optional<Money> usual_amount;      // WithdrawalAmount: personalization's favourite, marked "Your usual"
    std::optional<Money> amount;            // EnterAmount (typed so far), TakeCash, TransactionDone
    std::optional<Money> amount_step;       // EnterAmount: amounts must be multiples of this
    std::vector<AccountOption> accounts;    // AccountChoice: up to 4
    EntryField entry_field = EntryField::OneTimeCode;  // CardlessEntry
    std::string typed_digits;               // CardlessEntry phone number as typed (the code: pin_digits_entered)
    std::vector<StatementLine> statement;   // MiniStatement: up to 10, newest first
    std::string qr_text;                    // ReceiptQr: receipt URL/reference — never card data
    std::string receipt_reference;          // ReceiptQr: the reference, printed under the code; ComplaintDone: the report's
    std::vector<Chip> chips;                // SurveyReasons: the reason tags, before `buttons` (Done, Skip)
    // The header's "Report a problem" control (action `report_problem`): placed in the same spot on
    // every customer screen; Unavailable (grey, inert) while the machine works.
    Offer report_problem = Offer::Hidden;
    std::vector<std::string> status_lines;  // MainMenu: this customer's reports, one line each, in vm.language
    std::vector<FactLine> facts;            // ComplaintConfirm

    // Set by the runtime: which showing of a screen this is. A new screen (or a new state showing the
    // same screen) has a new generation; touches report the generation they were made on.
    std::uint64_t generation = 0;
    // Screens where the machine works (reading, processing, printing, dispensing): the frame of the
    // activity dots, advanced by the runtime while it waits, so the customer sees it is alive.
    int activity_frame = 0;
    // Operation from the PIN pad (docs/ui.md): the button Enter activates, drawn with a focus ring
    // (the runtime starts it on the way forward, ui/key_map.hpp default_focus), and the button
    // drawn pressed for the frame between a press and its action (a finger down, a key that
    // chose it). Both index shown_buttons(vm); an index past the placed buttons draws nothing.
    std::optional<std::size_t> focused;
    std::optional<std::size_t> pressed;

    friend bool operator==(const ViewModel&, const ViewModel&) = default;
};

}  // namespace kiosk::ui
