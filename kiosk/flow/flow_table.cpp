#include "kiosk/flow/flow_table.hpp"

#include <array>
#include <string>

namespace kiosk::flow {

namespace {

using host::ResponseCode;

// --- guards ---------------------------------------------------------------------------------

bool retrying_after_wrong_pin(const Context& c, const Event&) { return c.pending_transaction.has_value(); }
bool first_pin_entry(const Context& c, const Event& e) { return !retrying_after_wrong_pin(c, e); }

bool is_wrong_pin(const Event& e) { return e.response == ResponseCode::WrongPin; }
bool wrong_pin_tries_left(const Context& c, const Event& e) { return is_wrong_pin(e) && c.pin_tries_left > 1; }
bool pin_tries_exhausted(const Context& c, const Event& e) {
    return (is_wrong_pin(e) && c.pin_tries_left <= 1) || e.response == ResponseCode::PinTriesExceeded;
}
bool other_decline(const Context& c, const Event& e) {
    return !wrong_pin_tries_left(c, e) && !pin_tries_exhausted(c, e);
}

bool is_withdrawal(const Context& c) { return c.pending_transaction == host::TransactionType::Withdrawal; }
bool balance_approved(const Context& c, const Event&) { return !is_withdrawal(c); }
bool withdrawal_card_first(const Context& c, const Event&) { return is_withdrawal(c) && c.card_before_cash; }
bool withdrawal_cash_first(const Context& c, const Event&) { return is_withdrawal(c) && !c.card_before_cash; }
bool withdrawal_unanswered(const Context& c, const Event&) { return is_withdrawal(c); }
bool inquiry_unanswered(const Context& c, const Event&) { return !is_withdrawal(c); }
// "Another transaction?" needs the card still in: only after cash, in card-after-cash order.
bool offer_another(const Context& c, const Event&) { return is_withdrawal(c) && c.cash_taken && c.card_in_machine; }
bool no_another(const Context& c, const Event& e) { return !offer_another(c, e); }
// Degraded mode: with the printer down the receipt question is skipped.
bool receipts_offered(const Context& c, const Event&) { return c.receipts_available; }
bool no_receipts(const Context& c, const Event&) { return !c.receipts_available; }
bool no_receipts_card_in(const Context& c, const Event&) { return !c.receipts_available && c.card_in_machine; }
bool no_receipts_card_out(const Context& c, const Event&) { return !c.receipts_available && !c.card_in_machine; }

bool resume_withdrawal_amount(const Context& c, const Event&) { return c.resume_state == StateId::WithdrawalAmount; }
bool resume_pin_entry(const Context& c, const Event&) { return c.resume_state == StateId::PinEntry; }
bool resume_main_menu(const Context& c, const Event&) { return c.resume_state == StateId::MainMenu; }
bool resume_show_balance(const Context& c, const Event&) { return c.resume_state == StateId::ShowBalance; }
bool resume_receipt_choice(const Context& c, const Event&) { return c.resume_state == StateId::ReceiptChoice; }

// --- actions --------------------------------------------------------------------------------

void card_inserted(Context& c, const Event&) {
    const ui::Language language = c.language;  // chosen on the attract screen, kept
    c = Context{};
    c.language = language;
    c.card_in_machine = true;
}
void set_language(Context& c, const Event& e) { c.language = e.language.value_or(c.language); }
void card_unreadable(Context& c, const Event&) { c.message_key = "card.unreadable"; }
void pin_digit(Context& c, const Event&) {
    if (c.pin_digits < 12) ++c.pin_digits;  // ISO 9564 PINs have at most 12 digits
}
void pin_clear(Context& c, const Event&) { c.pin_digits = 0; }
void pin_backspace(Context& c, const Event&) {
    if (c.pin_digits > 0) --c.pin_digits;
}
void cancelled(Context& c, const Event&) { c.message_key = "session.cancelled"; }
void out_of_service(Context& c, const Event& e) { c.message_key = e.message_key.empty() ? "out_of_service.devices" : e.message_key; }
void choose_balance(Context& c, const Event&) { c.pending_transaction = host::TransactionType::BalanceInquiry; }
void approved(Context& c, const Event& e) {
    c.balance = e.balance;
    c.message_key.clear();
}
void wrong_pin(Context& c, const Event&) {
    --c.pin_tries_left;
    c.pin_digits = 0;
    c.message_key = "pin.wrong";
}
void tries_exhausted(Context& c, const Event&) {
    c.pin_tries_left = 0;
    c.message_key = "pin.tries_exceeded";
}
void declined(Context& c, const Event& e) {
    c.message_key = "decline." + std::string(host::to_string(e.response.value_or(ResponseCode::SystemError)));
}
void host_unavailable(Context& c, const Event&) { c.message_key = "decline.host_unavailable"; }
void receipt_failed(Context& c, const Event&) { c.message_key = "receipt.failed"; }
void no_message(Context& c, const Event&) { c.message_key.clear(); }
void timed_out(Context& c, const Event&) { c.message_key = "session.timed_out"; }
void card_taken(Context& c, const Event&) { c.card_in_machine = false; }
void card_not_taken(Context& c, const Event&) { c.message_key = "card.not_taken"; }
void card_jammed(Context& c, const Event&) { c.message_key = "card.jammed"; }
void choose_withdrawal(Context& c, const Event&) {
    c.pending_transaction = host::TransactionType::Withdrawal;
    c.amount.reset();
    c.cash_taken = false;
    c.message_key.clear();
}
void amount_chosen(Context& c, const Event& e) {
    c.amount = e.amount;
    c.message_key.clear();
}
void amount_not_payable(Context& c, const Event& e) { c.message_key = e.message_key; }
void withdrawal_unanswered_note(Context& c, const Event&) { c.message_key = "decline.host_unavailable"; }
void card_taken_before_cash(Context& c, const Event&) { c.card_in_machine = false; }
void card_not_taken_no_cash(Context& c, const Event&) { c.message_key = "card.not_taken"; }
void card_jammed_no_cash(Context& c, const Event&) { c.message_key = "card.jammed"; }
void dispense_failed(Context& c, const Event&) { c.message_key = "cash.dispense_failed"; }
void cash_taken(Context& c, const Event&) {
    c.cash_taken = true;
    c.message_key.clear();
}
void cash_not_taken(Context& c, const Event&) { c.message_key = "cash.not_taken"; }
void another_transaction(Context& c, const Event&) {
    c.pending_transaction.reset();
    c.amount.reset();
    c.balance.reset();
    c.cash_taken = false;
    c.message_key.clear();
}

constexpr std::array states{
    StateId::Attract,     StateId::ReadingCard, StateId::PinEntry,      StateId::MainMenu,
    StateId::Authorizing, StateId::ShowBalance, StateId::ReceiptChoice, StateId::Printing,
    StateId::MoreTime,    StateId::Closing,     StateId::ThankYou,      StateId::CardRetained,
    StateId::OutOfService, StateId::WithdrawalAmount, StateId::ReturningCard, StateId::Dispensing,
    StateId::TakeCash,    StateId::AnotherTransaction,
};

using S = StateId;
using E = EventKind;

// Row builders, so the table below reads as a table.
constexpr TransitionRow go(StateId from, EventKind on, StateId to, Action action = nullptr) {
    return TransitionRow{from, on, to, {}, nullptr, action, false};
}
constexpr TransitionRow when(StateId from, EventKind on, StateId to, std::string_view guard_name, Guard guard,
                             Action action = nullptr) {
    return TransitionRow{from, on, to, guard_name, guard, action, false};
}
constexpr TransitionRow stay(StateId from, EventKind on, Action action) {
    return TransitionRow{from, on, from, {}, nullptr, action, true};
}
constexpr TransitionRow reversing(TransitionRow row, host::ReversalReason reason) {
    row.reverse = reason;
    return row;
}
using R = host::ReversalReason;

// Read a row as: from, on event, to, [guard], action. Every interactive state has explicit
// Cancel and Timeout rows (the NDC rule); Closing is the one close state for card return.
const std::array table{
    go(S::Attract, E::CardInserted, S::ReadingCard, card_inserted),
    stay(S::Attract, E::ChooseLanguage, set_language),
    go(S::Attract, E::DevicesFailed, S::OutOfService, out_of_service),

    go(S::ReadingCard, E::CardReadOk, S::PinEntry),
    go(S::ReadingCard, E::CardReadFailed, S::Closing, card_unreadable),
    go(S::ReadingCard, E::Timeout, S::Closing, card_unreadable),

    stay(S::PinEntry, E::PinDigit, pin_digit),
    stay(S::PinEntry, E::PinClear, pin_clear),
    stay(S::PinEntry, E::PinBackspace, pin_backspace),
    when(S::PinEntry, E::PinEnter, S::MainMenu, "first entry", first_pin_entry, no_message),
    when(S::PinEntry, E::PinEnter, S::Authorizing, "retry after wrong PIN", retrying_after_wrong_pin, no_message),
    go(S::PinEntry, E::Cancel, S::Closing, cancelled),
    go(S::PinEntry, E::Timeout, S::MoreTime),

    go(S::MainMenu, E::ChooseBalance, S::Authorizing, choose_balance),
    go(S::MainMenu, E::ChooseWithdrawal, S::WithdrawalAmount, choose_withdrawal),
    go(S::MainMenu, E::Cancel, S::Closing, cancelled),
    go(S::MainMenu, E::Timeout, S::MoreTime),

    when(S::Authorizing, E::HostApproved, S::ShowBalance, "balance inquiry", balance_approved, approved),
    when(S::Authorizing, E::HostApproved, S::ReturningCard, "withdrawal, card first", withdrawal_card_first, approved),
    when(S::Authorizing, E::HostApproved, S::Dispensing, "withdrawal, cash first", withdrawal_cash_first, approved),
    when(S::Authorizing, E::HostDeclined, S::PinEntry, "wrong PIN, tries left", wrong_pin_tries_left, wrong_pin),
    when(S::Authorizing, E::HostDeclined, S::CardRetained, "PIN tries exhausted", pin_tries_exhausted, tries_exhausted),
    when(S::Authorizing, E::HostDeclined, S::Closing, "other decline", other_decline, declined),
    // A withdrawal the host may have debited without telling us: reverse it (the host answers
    // "original not found" when it never saw it, which also acknowledges the reversal).
    when(S::Authorizing, E::HostUnavailable, S::Closing, "inquiry", inquiry_unanswered, host_unavailable),
    reversing(when(S::Authorizing, E::HostUnavailable, S::Closing, "withdrawal", withdrawal_unanswered,
                   withdrawal_unanswered_note), R::HostTimeout),
    when(S::Authorizing, E::Timeout, S::Closing, "inquiry", inquiry_unanswered, host_unavailable),
    reversing(when(S::Authorizing, E::Timeout, S::Closing, "withdrawal", withdrawal_unanswered,
                   withdrawal_unanswered_note), R::HostTimeout),

    go(S::WithdrawalAmount, E::AmountChosen, S::Authorizing, amount_chosen),
    stay(S::WithdrawalAmount, E::AmountNotPayable, amount_not_payable),
    go(S::WithdrawalAmount, E::Cancel, S::Closing, cancelled),
    go(S::WithdrawalAmount, E::Timeout, S::MoreTime),

    // Approved, card first. No cancel: the money is approved; the only way out is the card.
    go(S::ReturningCard, E::CardTaken, S::Dispensing, card_taken_before_cash),
    reversing(go(S::ReturningCard, E::Timeout, S::CardRetained, card_not_taken_no_cash), R::DeviceMalfunction),
    reversing(go(S::ReturningCard, E::CardEjectFailed, S::CardRetained, card_jammed_no_cash), R::DeviceMalfunction),

    // No cancel while notes move. A failed dispense has presented nothing (the runtime retracts
    // whatever was stacked), so the whole amount is reversed.
    go(S::Dispensing, E::CashPresented, S::TakeCash),
    reversing(go(S::Dispensing, E::DispenseFailed, S::Closing, dispense_failed), R::DeviceMalfunction),
    reversing(go(S::Dispensing, E::Timeout, S::Closing, dispense_failed), R::DeviceMalfunction),

    when(S::TakeCash, E::CashTaken, S::ReceiptChoice, "receipts offered", receipts_offered, cash_taken),
    when(S::TakeCash, E::CashTaken, S::AnotherTransaction, "no printer, card in", no_receipts_card_in, cash_taken),
    when(S::TakeCash, E::CashTaken, S::Closing, "no printer, card out", no_receipts_card_out, cash_taken),
    reversing(go(S::TakeCash, E::Timeout, S::Closing, cash_not_taken), R::CashNotTaken),

    go(S::AnotherTransaction, E::AnotherYes, S::MainMenu, another_transaction),
    go(S::AnotherTransaction, E::AnotherNo, S::Closing, no_message),
    go(S::AnotherTransaction, E::Cancel, S::Closing, cancelled),
    go(S::AnotherTransaction, E::Timeout, S::Closing, timed_out),

    when(S::ShowBalance, E::Continue, S::ReceiptChoice, "receipts offered", receipts_offered),
    when(S::ShowBalance, E::Continue, S::Closing, "no printer", no_receipts, no_message),
    go(S::ShowBalance, E::Cancel, S::Closing, no_message),
    go(S::ShowBalance, E::Timeout, S::MoreTime),

    go(S::ReceiptChoice, E::ReceiptYes, S::Printing),
    when(S::ReceiptChoice, E::ReceiptNo, S::AnotherTransaction, "card still in after cash", offer_another, no_message),
    when(S::ReceiptChoice, E::ReceiptNo, S::Closing, "otherwise", no_another, no_message),
    go(S::ReceiptChoice, E::Cancel, S::Closing, no_message),
    go(S::ReceiptChoice, E::Timeout, S::MoreTime),

    when(S::Printing, E::PrintDone, S::AnotherTransaction, "card still in after cash", offer_another, no_message),
    when(S::Printing, E::PrintDone, S::Closing, "otherwise", no_another, no_message),
    go(S::Printing, E::PrintFailed, S::Closing, receipt_failed),
    go(S::Printing, E::Timeout, S::Closing, receipt_failed),

    when(S::MoreTime, E::MoreTimeYes, S::PinEntry, "was entering PIN", resume_pin_entry),
    when(S::MoreTime, E::MoreTimeYes, S::WithdrawalAmount, "was choosing amount", resume_withdrawal_amount),
    when(S::MoreTime, E::MoreTimeYes, S::MainMenu, "was in menu", resume_main_menu),
    when(S::MoreTime, E::MoreTimeYes, S::ShowBalance, "was reading balance", resume_show_balance),
    when(S::MoreTime, E::MoreTimeYes, S::ReceiptChoice, "was choosing receipt", resume_receipt_choice),
    go(S::MoreTime, E::MoreTimeNo, S::Closing, cancelled),
    go(S::MoreTime, E::Cancel, S::Closing, cancelled),
    go(S::MoreTime, E::Timeout, S::Closing, timed_out),

    go(S::Closing, E::CardTaken, S::ThankYou, card_taken),
    go(S::Closing, E::Timeout, S::CardRetained, card_not_taken),
    go(S::Closing, E::CardEjectFailed, S::CardRetained, card_jammed),

    go(S::ThankYou, E::Timeout, S::Attract),
    go(S::CardRetained, E::Timeout, S::Attract),
    go(S::OutOfService, E::DevicesRestored, S::Attract),
    stay(S::OutOfService, E::DevicesFailed, out_of_service),  // the reason changed (host back, door opened)
};

}  // namespace

std::span<const TransitionRow> transition_table() { return table; }

std::span<const StateId> all_states() { return states; }

ui::ScreenId screen_for(const Context& context) {
    switch (context.state) {
        case StateId::Attract: return ui::ScreenId::Attract;
        case StateId::ReadingCard: return ui::ScreenId::ReadingCard;
        case StateId::PinEntry: return ui::ScreenId::EnterPin;
        case StateId::MainMenu: return ui::ScreenId::MainMenu;
        case StateId::Authorizing: return ui::ScreenId::Processing;
        case StateId::ShowBalance: return ui::ScreenId::BalanceDisplay;
        case StateId::ReceiptChoice: return ui::ScreenId::ReceiptChoice;
        case StateId::Printing: return ui::ScreenId::Printing;
        case StateId::MoreTime: return ui::ScreenId::MoreTime;
        case StateId::Closing:
            if (context.message_key == "card.unreadable") return ui::ScreenId::CardUnreadable;
            if (context.message_key.starts_with("decline.") || context.message_key.starts_with("cash.")) {
                return ui::ScreenId::TransactionFailed;
            }
            return ui::ScreenId::TakeCard;
        case StateId::ThankYou:
            // Closing with the card already out ends here at once; a failure still says why.
            if (context.message_key.starts_with("cash.")) return ui::ScreenId::TransactionFailed;
            return ui::ScreenId::ThankYou;
        case StateId::WithdrawalAmount: return ui::ScreenId::WithdrawalAmount;
        case StateId::ReturningCard: return ui::ScreenId::TakeCard;
        case StateId::Dispensing: return ui::ScreenId::Dispensing;
        case StateId::TakeCash: return ui::ScreenId::TakeCash;
        case StateId::AnotherTransaction: return ui::ScreenId::AnotherTransaction;
        case StateId::CardRetained: return ui::ScreenId::CardRetained;
        case StateId::OutOfService: return ui::ScreenId::OutOfService;
    }
    return ui::ScreenId::OutOfService;
}

}  // namespace kiosk::flow
