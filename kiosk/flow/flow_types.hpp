// The vocabulary of the customer flow: its states, the events it reacts to, the effects it asks
// the runtime to carry out, and the context it carries from one event to the next. Plain data
// only — no clock, no device, no I/O (architecture principle 1).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/money.hpp"
#include "host/host_messages.hpp"
#include "ui/view_model.hpp"

namespace kiosk::flow {

enum class StateId {
    Attract,         // idle, card slot open, language choice
    ReadingCard,     // card is in, tracks being read
    PinEntry,        // customer types the PIN on the encrypting PIN pad
    MainMenu,        // transaction choice
    Authorizing,     // waiting for the bank host
    ShowBalance,     // balance on screen
    ReceiptChoice,   // receipt yes / no
    Printing,        // receipt being printed
    MoreTime,        // "Do you need more time?" after an inactivity timeout
    Closing,         // the close state: card returned, waiting for the customer to take it
    ThankYou,        // goodbye, then back to Attract
    CardRetained,    // card kept (not taken in time, too many wrong PINs, jam), then Attract
    OutOfService,    // a device the flow needs is down
    WithdrawalAmount,   // fast-cash amounts the cassettes can pay
    ReturningCard,      // card-before-cash: card ejected after approval, waiting for it to be taken
    Dispensing,         // notes picked and presented (the in-flight bracket is open)
    TakeCash,           // notes presented, waiting for the customer to take them
    AnotherTransaction, // "another transaction?" — the card is still in, no re-reading it
    SessionOptions,     // after the card is read, before the PIN: language, large text, contrast, speech
    EnterAmount,        // an amount typed on the PIN pad (withdrawal "other amount", transfer)
    ChooseFromAccount,  // transfer: the account the money leaves
    ChooseToAccount,    // transfer: the account it goes to
    EnterNewPin,        // PIN change: the new PIN
    ConfirmNewPin,      // PIN change: the new PIN again (the PIN pad compares the two inside itself)
    ShowStatement,      // mini statement on screen
    TransactionDone,    // transfer or PIN change confirmed
    CardlessCode,       // cardless withdrawal: the one-time code staged in the bank's app
    CardlessPhone,      // cardless withdrawal: the phone number the code was staged for
    ShowReceiptQr,      // e-receipt as a QR code (the printer cannot print)
};

// What the PIN pad is asked to collect. The PIN kinds never leave the pad in clear; the others are
// typed in clear on the pad (XFS4IoT data entry) and held by the runtime, never by the flow.
enum class KeyEntry { Pin, NewPin, ConfirmNewPin, Amount, OneTimeCode, PhoneNumber };

// The accessibility switches of SessionOptions.
enum class SessionOption { LargeText, HighContrast, Speech };

enum class EventKind {
    CardInserted,
    CardReadOk,
    CardReadFailed,
    PinDigit,        // the PIN pad reports a key press, never which digit
    PinClear,
    PinBackspace,
    PinEnter,        // PIN complete (the PIN pad enforces the minimum length)
    Cancel,          // cancel key on the PIN pad or the screen's cancel button
    ChooseBalance,
    ChooseLanguage,  // payload: language
    Continue,
    ReceiptYes,
    ReceiptNo,
    MoreTimeYes,
    MoreTimeNo,
    HostApproved,    // payload: balance
    HostDeclined,    // payload: response code
    HostUnavailable,
    PrintDone,
    PrintFailed,
    CardTaken,
    CardEjectFailed, // card could not be returned (jam): it stays in the machine
    Timeout,         // the current state's timer ran out
    DevicesFailed,   // fitness routing: the kiosk cannot serve; payload: message_key (the reason)
    DevicesRestored,
    ChooseWithdrawal,
    AmountChosen,       // payload: amount (the runtime has checked the cassettes can pay it)
    AmountNotPayable,   // payload: message_key naming the note mixer's reason
    CashPresented,      // the notes are in the output slot
    DispenseFailed,     // jam or short pick: nothing presented (stacked notes retracted)
    CashTaken,
    AnotherYes,
    AnotherNo,
    ToggleOption,        // payload: option
    ChooseOtherAmount,
    EntryChanged,        // a key changed a clear-text entry (held by the runtime); payload: digits (how many)
    ChooseMiniStatement,
    ChooseTransfer,
    AccountChosen,       // payload: account
    ChooseChangePin,
    PinMismatch,         // the confirmation PIN differed from the new PIN (the pad forgot both)
    ChooseCardless,
    CodeEntered,         // the one-time code is complete (held by the runtime)
    PhoneEntered,        // the phone number is complete (held by the runtime)
};

struct Event {
    EventKind kind;
    std::optional<ui::Language> language;
    std::optional<Money> balance;
    std::optional<host::ResponseCode> response;
    std::optional<Money> amount{};
    std::string message_key{};
    std::optional<SessionOption> option{};
    std::optional<host::AccountType> account{};
    std::optional<int> digits{};
};

enum class EffectKind {
    ShowScreen,           // screen: render the current context as this screen
    StartStateTimer,      // duration: (re)start the one state timer
    CancelStateTimer,
    AcceptCard,           // open the card slot for insertion
    RefuseCards,          // close the card slot (out of service)
    ReadCard,
    BeginKeyEntry,        // entry: start collecting it on the PIN pad
    TakePinBlock,         // the PIN entry is complete: keep its (enciphered) block for this session
    TakeNewPinBlock,      // the confirmed new PIN: keep its block for the PIN change request
    RequestAuthorization, // transaction: ask the host with the session's PIN block
    PrintReceipt,         // transaction: the receipt for this transaction
    EjectCard,
    RetainCard,
    RecordTransaction,    // transaction + response: journal line, counters, CRM record
    EndSession,           // wipe card data, seal and store the journey
    DispenseCash,         // amount: open the in-flight bracket, dispense and present
    RetractCash,          // pull presented notes back into the reject bin
    SettleWithdrawal,     // amount: the customer took the cash — close the in-flight bracket
    ReverseTransaction,   // transaction + amount + dispensed + reason: queue an 0420 (closing a cash bracket)
    IssueEReceipt,        // transaction: make the e-receipt reference and QR text, tell the bank
};

struct Effect {
    EffectKind kind;
    std::optional<ui::ScreenId> screen;
    std::optional<Millis> duration;
    std::optional<host::TransactionType> transaction;
    std::optional<host::ResponseCode> response;
    std::optional<Money> amount{};
    std::optional<Money> dispensed{};
    std::optional<host::ReversalReason> reason{};
    std::optional<KeyEntry> entry{};

    friend bool operator==(const Effect&, const Effect&) = default;
};

// Everything the flow remembers during a session. The card itself (PAN, tracks) is not here:
// the runtime's session holds it, the flow only needs to know a card is in.
struct Context {
    StateId state = StateId::Attract;
    StateId resume_state = StateId::Attract;  // where "more time? yes" goes back to
    ui::Language language = ui::Language::English;
    bool card_in_machine = false;
    int pin_digits = 0;
    int pin_tries_left = 3;
    std::optional<host::TransactionType> pending_transaction;  // chosen, not yet approved
    std::optional<Money> balance;
    std::string message_key;  // the reason shown on Closing / CardRetained
    std::optional<Money> amount;  // the withdrawal amount chosen
    bool cash_taken = false;      // the customer has the notes of this withdrawal
    bool card_before_cash = true; // stamped from FlowConfig on every step (guards read it)
    bool e_receipts = true;       // stamped from FlowConfig: a QR e-receipt when the printer cannot print
    bool offer_another = true;    // stamped from FlowConfig: "another transaction?" while the card is in
    // Stamped by the runtime from device fitness before every step (kiosk/runtime/service_fitness.hpp):
    // false while the printer cannot print; the flow then offers an e-receipt, or no receipt.
    bool receipts_available = true;
    ui::Accessibility accessibility;                 // chosen on SessionOptions, kept for the session
    std::optional<host::AccountType> from_account;  // transfer
    std::optional<host::AccountType> to_account;
};

std::string_view to_string(StateId state);
std::string_view to_string(EventKind kind);
std::string_view to_string(EffectKind kind);
std::string_view to_string(KeyEntry entry);

}  // namespace kiosk::flow
