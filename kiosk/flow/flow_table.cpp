#include "kiosk/flow/flow_table.hpp"

#include "kiosk/flow/flow_service_rows.hpp"
#include "kiosk/flow/row_builders.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <variant>

namespace kiosk::flow {

namespace {

using host::ResponseCode;

// --- guards ---------------------------------------------------------------------------------

bool retrying_after_wrong_pin(const Context& c, const Event&) { return c.pending_transaction.has_value(); }
bool first_pin_entry(const Context& c, const Event& e) { return !retrying_after_wrong_pin(c, e); }

ResponseCode response_of(const Event& e) { return std::get<events::HostDeclined>(e).response; }
bool is_wrong_pin(const Event& e) { return response_of(e) == ResponseCode::WrongPin; }
bool wrong_pin_tries_left(const Context& c, const Event& e) { return is_wrong_pin(e) && c.pin_tries_left > 1; }
bool pin_tries_exhausted(const Context& c, const Event& e) {
    return (is_wrong_pin(e) && c.pin_tries_left <= 1) || response_of(e) == ResponseCode::PinTriesExceeded;
}
bool other_decline(const Context& c, const Event& e) {
    return !wrong_pin_tries_left(c, e) && !pin_tries_exhausted(c, e);
}

bool is(const Context& c, host::TransactionType type) { return c.pending_transaction == type; }
bool pays_cash(const Context& c) {
    return is(c, host::TransactionType::Withdrawal) || is(c, host::TransactionType::CardlessWithdrawal);
}
// Money may have moved at the host without the kiosk hearing of it: these are reversed.
bool moves_money(const Context& c, const Event&) { return pays_cash(c) || is(c, host::TransactionType::Transfer); }
bool moves_no_money(const Context& c, const Event& e) { return !moves_money(c, e); }

bool balance_approved(const Context& c, const Event&) { return is(c, host::TransactionType::BalanceInquiry); }
bool statement_approved(const Context& c, const Event&) { return is(c, host::TransactionType::MiniStatement); }
bool change_approved(const Context& c, const Event&) {
    return is(c, host::TransactionType::Transfer) || is(c, host::TransactionType::PinChange);
}
bool cash_card_first(const Context& c, const Event&) { return pays_cash(c) && c.card_before_cash && c.card_in_machine; }
bool cash_now(const Context& c, const Event& e) { return pays_cash(c) && !cash_card_first(c, e); }

// A receipt on paper, or else as a QR code; with neither the receipt question is skipped.
bool receipt_possible(const Context& c) { return c.receipts_available || c.e_receipts; }
bool receipts_offered(const Context& c, const Event&) { return receipt_possible(c); }
bool no_receipts(const Context& c, const Event&) { return !receipt_possible(c); }
bool paper_receipt(const Context& c, const Event&) { return c.receipts_available; }
bool e_receipt(const Context& c, const Event&) { return !c.receipts_available; }
// "Another transaction?" needs the card still in: not after a card-first withdrawal or cardless.
bool offer_another(const Context& c, const Event&) { return c.offer_another && c.card_in_machine; }
bool no_another(const Context& c, const Event& e) { return !offer_another(c, e); }
bool no_receipts_offer_another(const Context& c, const Event& e) { return no_receipts(c, e) && offer_another(c, e); }
bool no_receipts_no_another(const Context& c, const Event& e) { return no_receipts(c, e) && no_another(c, e); }

// The survey: scores outside their range match no row, so the flow refuses them.
bool survey_wanted(const Context& c, const Event&) { return survey_due(c); }
int csat_of(const Event& e) { return std::get<events::SurveyRated>(e).score; }
bool low_score(const Context&, const Event& e) { return valid_csat(csat_of(e)) && csat_of(e) <= kCsatLowMax; }
bool good_score(const Event& e) { return valid_csat(csat_of(e)) && csat_of(e) > kCsatLowMax; }
bool nps_sampled(const Context& c) { return c.survey_offer && c.survey_offer->nps; }
bool good_score_nps(const Context& c, const Event& e) { return good_score(e) && nps_sampled(c); }
bool good_score_done(const Context& c, const Event& e) { return good_score(e) && !nps_sampled(c); }
bool known_reason(const Context&, const Event& e) { return is_known(std::get<events::SurveyReasonToggled>(e).reason); }
bool reasons_then_nps(const Context& c, const Event&) { return nps_sampled(c); }
bool reasons_done(const Context& c, const Event&) { return !nps_sampled(c); }
bool nps_in_range(const Context&, const Event& e) { return valid_nps(std::get<events::NpsRated>(e).score); }

template <StateId State>
bool resume(const Context& c, const Event&) { return c.resume_state == State; }

// --- actions --------------------------------------------------------------------------------

// A new visit starts from a clean context; what the attract screen chose (the language) and what
// the configuration says (stamped on every step) are kept.
Context fresh_visit(const Context& c) {
    Context next;
    next.language = c.language;
    next.max_pin_tries = c.max_pin_tries;
    next.pin_tries_left = c.max_pin_tries;
    next.card_before_cash = c.card_before_cash;
    next.e_receipts = c.e_receipts;
    next.offer_another = c.offer_another;
    next.speech_headset = c.speech_headset;  // stamped by the runtime: the headset is still in
    return next;
}
void card_inserted(Context& c, const Event&) {
    c = fresh_visit(c);
    c.card_in_machine = true;
}
void cardless_started(Context& c, const Event&) {
    c = fresh_visit(c);
    c.pending_transaction = host::TransactionType::CardlessWithdrawal;
}
void set_language(Context& c, const Event& e) { c.language = std::get<events::ChooseLanguage>(e).language; }
void toggle_option(Context& c, const Event& e) {
    switch (std::get<events::ToggleOption>(e).option) {
        case SessionOption::LargeText: c.accessibility.large_text = !c.accessibility.large_text; break;
        case SessionOption::HighContrast: c.accessibility.high_contrast = !c.accessibility.high_contrast; break;
        case SessionOption::Speech: c.accessibility.speech = !c.accessibility.speech; break;
    }
}
void card_unreadable(Context& c, const Event&) { c.reason = CloseReason::CardUnreadable; }
void pin_digit(Context& c, const Event&) {
    if (c.pin_digits < 12) ++c.pin_digits;  // ISO 9564 PINs have at most 12 digits
}
void pin_clear(Context& c, const Event&) { c.pin_digits = 0; }
void pin_backspace(Context& c, const Event&) {
    if (c.pin_digits > 0) --c.pin_digits;
}
void entry_changed(Context& c, const Event& e) {
    c.pin_digits = std::get<events::EntryChanged>(e).digits;  // dots for a code; the value itself is the runtime's
    c.reason.reset();
}
void cancelled(Context& c, const Event&) { c.reason = CloseReason::Cancelled; }
void out_of_service(Context& c, const Event& e) {
    if (!c.self_testing) c.reason = std::get<events::DevicesFailed>(e).reason;  // a self-test says so until it ends
}
void choose(Context& c, host::TransactionType type) {
    c.pending_transaction = type;
    c.amount.reset();
    c.balance.reset();
    c.cash_taken = false;
    c.from_account.reset();
    c.to_account.reset();
    c.reason.reset();
}
void choose_balance(Context& c, const Event&) { choose(c, host::TransactionType::BalanceInquiry); }
void choose_withdrawal(Context& c, const Event&) { choose(c, host::TransactionType::Withdrawal); }
void choose_statement(Context& c, const Event&) { choose(c, host::TransactionType::MiniStatement); }
void choose_transfer(Context& c, const Event&) { choose(c, host::TransactionType::Transfer); }
void choose_change_pin(Context& c, const Event&) { choose(c, host::TransactionType::PinChange); }
void from_account_chosen(Context& c, const Event& e) { c.from_account = std::get<events::AccountChosen>(e).account; }
void to_account_chosen(Context& c, const Event& e) { c.to_account = std::get<events::AccountChosen>(e).account; }
void approved(Context& c, const Event& e) {
    c.balance = std::get<events::HostApproved>(e).balance;
    c.reason.reset();
}
void wrong_pin(Context& c, const Event&) {
    --c.pin_tries_left;
    c.pin_digits = 0;
    c.reason = CloseReason::PinWrong;
}
void tries_exhausted(Context& c, const Event&) {
    c.pin_tries_left = 0;
    c.reason = CloseReason::PinTriesExceeded;
}
void declined(Context& c, const Event& e) { c.reason = Reason::declined(response_of(e)); }
void host_unavailable(Context& c, const Event&) { c.reason = CloseReason::HostUnavailable; }
void receipt_failed(Context& c, const Event&) { c.reason = CloseReason::ReceiptFailed; }
void no_message(Context& c, const Event&) { c.reason.reset(); }
void timed_out(Context& c, const Event&) { c.reason = CloseReason::TimedOut; }
void card_taken(Context& c, const Event&) { c.card_in_machine = false; }
void card_not_taken(Context& c, const Event&) { c.reason = CloseReason::CardNotTaken; }
void card_jammed(Context& c, const Event&) { c.reason = CloseReason::CardJammed; }
void amount_chosen(Context& c, const Event& e) {
    c.amount = std::get<events::AmountChosen>(e).amount;
    c.reason.reset();
}
void amount_not_payable(Context& c, const Event& e) { c.reason = std::get<events::AmountNotPayable>(e).reason; }
void new_pin_mismatch(Context& c, const Event&) {
    c.pin_digits = 0;
    c.reason = CloseReason::NewPinMismatch;
}
void dispense_failed(Context& c, const Event&) { c.reason = CloseReason::DispenseFailed; }
void cash_taken(Context& c, const Event&) {
    c.cash_taken = true;
    c.reason.reset();
}
void cash_not_taken(Context& c, const Event&) { c.reason = CloseReason::CashNotTaken; }
// Every way out of the survey sets its status; an answer given is kept whatever follows. Entering
// Survey starts the answers (Flow::enter); a context without them (the diagrams' probe) starts here.
SurveyAnswers& answers(Context& c) {
    if (!c.survey) c.survey.emplace();
    return *c.survey;
}
void survey_rated(Context& c, const Event& e) { answers(c).csat = csat_of(e); }
void survey_answered(Context& c, const Event& e) {
    if (kind_of(e) == EventKind::SurveyRated) survey_rated(c, e);
    answers(c).status = SurveyStatus::Answered;
}
void survey_skipped(Context& c, const Event&) {
    answers(c).status = answers(c).csat ? SurveyStatus::Answered : SurveyStatus::Skipped;
}
void survey_timed_out(Context& c, const Event&) { answers(c).status = SurveyStatus::TimedOut; }
// "Report a problem" from a survey screen: the survey ends as Skip would end it (its record is
// written when the visit says goodbye) and the complaint screens open.
void survey_left_to_report(Context& c, const Event& e) {
    survey_skipped(c, e);
    c.report_asked = true;
}
void reason_toggled(Context& c, const Event& e) {
    const SurveyReason reason = std::get<events::SurveyReasonToggled>(e).reason;
    std::vector<SurveyReason>& chosen = answers(c).reasons;
    if (const auto found = std::find(chosen.begin(), chosen.end(), reason); found != chosen.end()) {
        chosen.erase(found);
    } else {
        chosen.push_back(reason);
    }
}
void nps_rated(Context& c, const Event& e) {
    answers(c).nps = std::get<events::NpsRated>(e).score;
    answers(c).status = SurveyStatus::Answered;
}

void another_transaction(Context& c, const Event&) {
    c.pending_transaction.reset();
    c.amount.reset();
    c.balance.reset();
    c.cash_taken = false;
    c.reason.reset();
}

// --- complaints (docs/flow.md § Complaints) ------------------------------------------------

// "Report a problem" ends the visit the way Cancel does (the card comes back, a request that may
// have moved money is reversed) and remembers to show the complaint screens after it.
void report_cancelled(Context& c, const Event& e) {
    cancelled(c, e);
    c.report_asked = true;
}
void report_no_message(Context& c, const Event& e) {
    no_message(c, e);
    c.report_asked = true;
}
void report_asked(Context& c, const Event&) { c.report_asked = true; }
void complaint_without_card(Context& c, const Event&) { c = fresh_visit(c); }
void report_retained_card(Context& c, const Event&) { c.complaint_category = ComplaintCategory::CardRetained; }
void category_chosen(Context& c, const Event& e) {
    c.complaint_category = std::get<events::ComplaintCategoryChosen>(e).category;
}
void complaint_declined(Context&, const Event&) {}

bool report_pending(const Context& c, const Event&) { return c.report_asked; }
bool failure_to_offer(const Context& c, const Event&) {
    return !c.report_asked && !c.complaint_shown && failure_category(c).has_value();
}
// A category outside the five is refused here: no row, nothing recorded.
bool known_category(const Context&, const Event& e) {
    return is_known(std::get<events::ComplaintCategoryChosen>(e).category);
}
bool no_self_test(const Context& c, const Event&) { return !c.self_testing; }
bool category_set(const Context& c, const Event&) { return c.complaint_category && is_known(*c.complaint_category); }

constexpr std::array states{
    StateId::Attract,        StateId::ReadingCard,       StateId::SessionOptions,   StateId::PinEntry,
    StateId::MainMenu,       StateId::Authorizing,       StateId::ShowBalance,      StateId::ShowStatement,
    StateId::WithdrawalAmount, StateId::EnterAmount,     StateId::ChooseFromAccount, StateId::ChooseToAccount,
    StateId::EnterNewPin,    StateId::ConfirmNewPin,     StateId::TransactionDone,  StateId::CardlessCode,
    StateId::CardlessPhone,  StateId::ReturningCard,     StateId::Dispensing,       StateId::TakeCash,
    StateId::ReceiptChoice,  StateId::Printing,          StateId::ShowReceiptQr,    StateId::AnotherTransaction,
    StateId::MoreTime,       StateId::Closing,           StateId::ThankYou,         StateId::CardRetained,
    StateId::OutOfService,   StateId::Survey,            StateId::SurveyReasons,    StateId::SurveyNps,
    StateId::OutOfService,   StateId::ComplaintOffer,    StateId::ComplaintCategory, StateId::ComplaintConfirm,
    StateId::ComplaintDone,  StateId::ServiceSignIn,     StateId::ServiceMenu,      StateId::ServiceEnterCount,
    StateId::ServiceLeaving,
};

using S = StateId;
using E = EventKind;

// Row builders (row_builders.hpp), so the table below reads as a table.
using namespace rows;
using R = host::ReversalReason;

// Read a row as: from, on event, to, [guard], action. Every interactive state has explicit
// Cancel and Timeout rows (the NDC rule); Closing is the one close state for card return.
const std::array table{
    go(S::Attract, E::CardInserted, S::ReadingCard, card_inserted),
    go(S::Attract, E::ChooseCardless, S::CardlessCode, cardless_started),
    stay(S::Attract, E::ChooseLanguage, set_language),
    go(S::Attract, E::DevicesFailed, S::OutOfService, out_of_service),
    // No card in: a customer whose card was kept, or who saw the screen freeze, reports anonymously.
    go(S::Attract, E::ReportProblem, S::ComplaintCategory, complaint_without_card),

    go(S::ReadingCard, E::CardReadOk, S::SessionOptions),
    go(S::ReadingCard, E::CardReadFailed, S::Closing, card_unreadable),
    go(S::ReadingCard, E::Timeout, S::Closing, card_unreadable),

    // Before the PIN: the customer sets language and accessibility for the whole session.
    stay(S::SessionOptions, E::ChooseLanguage, set_language),
    stay(S::SessionOptions, E::ToggleOption, toggle_option),
    go(S::SessionOptions, E::Continue, S::PinEntry),
    go(S::SessionOptions, E::Cancel, S::Closing, cancelled),
    go(S::SessionOptions, E::Timeout, S::MoreTime),

    stay(S::PinEntry, E::PinDigit, pin_digit),
    stay(S::PinEntry, E::PinClear, pin_clear),
    stay(S::PinEntry, E::PinBackspace, pin_backspace),
    first(effects::TakePinBlock{},
          when(S::PinEntry, E::PinEnter, S::MainMenu, "first entry", first_pin_entry, no_message)),
    first(effects::TakePinBlock{}, when(S::PinEntry, E::PinEnter, S::Authorizing, "retry after wrong PIN",
                                         retrying_after_wrong_pin, no_message)),
    go(S::PinEntry, E::Cancel, S::Closing, cancelled),
    go(S::PinEntry, E::Timeout, S::MoreTime),

    go(S::MainMenu, E::ChooseWithdrawal, S::WithdrawalAmount, choose_withdrawal),
    go(S::MainMenu, E::ChooseBalance, S::Authorizing, choose_balance),
    go(S::MainMenu, E::ChooseMiniStatement, S::Authorizing, choose_statement),
    go(S::MainMenu, E::ChooseTransfer, S::ChooseFromAccount, choose_transfer),
    go(S::MainMenu, E::ChooseChangePin, S::EnterNewPin, choose_change_pin),
    go(S::MainMenu, E::Cancel, S::Closing, cancelled),
    go(S::MainMenu, E::Timeout, S::MoreTime),

    recording(when(S::Authorizing, E::HostApproved, S::ShowBalance, "balance inquiry", balance_approved, approved)),
    recording(when(S::Authorizing, E::HostApproved, S::ShowStatement, "mini statement", statement_approved, approved)),
    recording(when(S::Authorizing, E::HostApproved, S::TransactionDone, "transfer or PIN change", change_approved,
                   approved)),
    recording(when(S::Authorizing, E::HostApproved, S::ReturningCard, "cash, card first", cash_card_first, approved)),
    recording(when(S::Authorizing, E::HostApproved, S::Dispensing, "cash, card after or cardless", cash_now,
                   approved)),
    recording(when(S::Authorizing, E::HostDeclined, S::PinEntry, "wrong PIN, tries left", wrong_pin_tries_left,
                   wrong_pin)),
    recording(when(S::Authorizing, E::HostDeclined, S::CardRetained, "PIN tries exhausted", pin_tries_exhausted,
                   tries_exhausted)),
    recording(when(S::Authorizing, E::HostDeclined, S::Closing, "other decline", other_decline, declined)),
    // A request that may have moved money at the host without telling us is reversed (the host
    // answers "original not found" when it never saw it, which also acknowledges the reversal).
    when(S::Authorizing, E::HostUnavailable, S::Closing, "moves no money", moves_no_money, host_unavailable),
    reversing(when(S::Authorizing, E::HostUnavailable, S::Closing, "moves money", moves_money, host_unavailable),
              R::HostTimeout),
    when(S::Authorizing, E::Timeout, S::Closing, "moves no money", moves_no_money, host_unavailable),
    reversing(when(S::Authorizing, E::Timeout, S::Closing, "moves money", moves_money, host_unavailable),
              R::HostTimeout),
    // The customer gives up waiting (or a tamper ends the visit): the runtime abandons the request,
    // and one that may have reached the bank is reversed (one still queued is not: never sent).
    when(S::Authorizing, E::Cancel, S::Closing, "moves no money", moves_no_money, cancelled),
    reversing(when(S::Authorizing, E::Cancel, S::Closing, "moves money", moves_money, cancelled), R::HostTimeout),

    go(S::WithdrawalAmount, E::AmountChosen, S::Authorizing, amount_chosen),
    stay(S::WithdrawalAmount, E::AmountNotPayable, amount_not_payable),
    go(S::WithdrawalAmount, E::ChooseOtherAmount, S::EnterAmount, no_message),
    go(S::WithdrawalAmount, E::Cancel, S::Closing, cancelled),
    go(S::WithdrawalAmount, E::Timeout, S::MoreTime),

    // An amount typed on the PIN pad; the runtime checks it (cassettes, step, limits) on ENTER.
    stay(S::EnterAmount, E::EntryChanged, entry_changed),
    go(S::EnterAmount, E::AmountChosen, S::Authorizing, amount_chosen),
    go(S::EnterAmount, E::AmountNotPayable, S::EnterAmount, amount_not_payable),  // entry starts again
    go(S::EnterAmount, E::Cancel, S::Closing, cancelled),
    go(S::EnterAmount, E::Timeout, S::MoreTime),

    go(S::ChooseFromAccount, E::AccountChosen, S::ChooseToAccount, from_account_chosen),
    go(S::ChooseFromAccount, E::Cancel, S::Closing, cancelled),
    go(S::ChooseFromAccount, E::Timeout, S::MoreTime),
    go(S::ChooseToAccount, E::AccountChosen, S::EnterAmount, to_account_chosen),
    go(S::ChooseToAccount, E::Cancel, S::Closing, cancelled),
    go(S::ChooseToAccount, E::Timeout, S::MoreTime),

    // PIN change: the new PIN twice; the pad compares them, the host gets the current and the new.
    stay(S::EnterNewPin, E::PinDigit, pin_digit),
    stay(S::EnterNewPin, E::PinClear, pin_clear),
    stay(S::EnterNewPin, E::PinBackspace, pin_backspace),
    go(S::EnterNewPin, E::PinEnter, S::ConfirmNewPin, no_message),
    go(S::EnterNewPin, E::Cancel, S::Closing, cancelled),
    go(S::EnterNewPin, E::Timeout, S::MoreTime),
    stay(S::ConfirmNewPin, E::PinDigit, pin_digit),
    stay(S::ConfirmNewPin, E::PinClear, pin_clear),
    stay(S::ConfirmNewPin, E::PinBackspace, pin_backspace),
    first(effects::TakeNewPinBlock{}, go(S::ConfirmNewPin, E::PinEnter, S::Authorizing)),
    go(S::ConfirmNewPin, E::PinMismatch, S::EnterNewPin, new_pin_mismatch),
    go(S::ConfirmNewPin, E::Cancel, S::Closing, cancelled),
    go(S::ConfirmNewPin, E::Timeout, S::MoreTime),

    // Cardless: code and phone typed on the PIN pad, then the amount; no card, so no PIN.
    stay(S::CardlessCode, E::EntryChanged, entry_changed),
    go(S::CardlessCode, E::CodeEntered, S::CardlessPhone),
    go(S::CardlessCode, E::Cancel, S::Closing, cancelled),
    go(S::CardlessCode, E::Timeout, S::MoreTime),
    stay(S::CardlessPhone, E::EntryChanged, entry_changed),
    go(S::CardlessPhone, E::PhoneEntered, S::WithdrawalAmount),
    go(S::CardlessPhone, E::Cancel, S::Closing, cancelled),
    go(S::CardlessPhone, E::Timeout, S::MoreTime),

    // Approved, card first. No cancel: the money is approved; the only way out is the card.
    go(S::ReturningCard, E::CardTaken, S::Dispensing, card_taken),
    reversing(go(S::ReturningCard, E::Timeout, S::CardRetained, card_not_taken), R::DeviceMalfunction),
    reversing(go(S::ReturningCard, E::CardEjectFailed, S::CardRetained, card_jammed), R::DeviceMalfunction),

    // No cancel while notes move. A failed dispense has presented nothing (the runtime retracts
    // whatever was stacked), so the whole amount is reversed.
    go(S::Dispensing, E::CashPresented, S::TakeCash),
    reversing(go(S::Dispensing, E::DispenseFailed, S::Closing, dispense_failed), R::DeviceMalfunction),
    reversing(go(S::Dispensing, E::Timeout, S::Closing, dispense_failed), R::DeviceMalfunction),

    settling(when(S::TakeCash, E::CashTaken, S::ReceiptChoice, "receipts offered", receipts_offered, cash_taken)),
    settling(when(S::TakeCash, E::CashTaken, S::AnotherTransaction, "no receipt, card in", no_receipts_offer_another,
                  cash_taken)),
    settling(when(S::TakeCash, E::CashTaken, S::Closing, "no receipt, card out", no_receipts_no_another, cash_taken)),
    reversing(go(S::TakeCash, E::Timeout, S::Closing, cash_not_taken), R::CashNotTaken),

    go(S::AnotherTransaction, E::AnotherYes, S::MainMenu, another_transaction),
    go(S::AnotherTransaction, E::AnotherNo, S::Closing, no_message),
    go(S::AnotherTransaction, E::Cancel, S::Closing, cancelled),
    go(S::AnotherTransaction, E::Timeout, S::Closing, timed_out),

    when(S::ShowBalance, E::Continue, S::ReceiptChoice, "receipts offered", receipts_offered),
    when(S::ShowBalance, E::Continue, S::AnotherTransaction, "no receipt, card in", no_receipts_offer_another),
    when(S::ShowBalance, E::Continue, S::Closing, "no receipt, card out", no_receipts_no_another, no_message),
    go(S::ShowBalance, E::Cancel, S::Closing, no_message),
    go(S::ShowBalance, E::Timeout, S::MoreTime),

    when(S::ShowStatement, E::Continue, S::ReceiptChoice, "receipts offered", receipts_offered),
    when(S::ShowStatement, E::Continue, S::AnotherTransaction, "no receipt, card in", no_receipts_offer_another),
    when(S::ShowStatement, E::Continue, S::Closing, "no receipt, card out", no_receipts_no_another, no_message),
    go(S::ShowStatement, E::Cancel, S::Closing, no_message),
    go(S::ShowStatement, E::Timeout, S::MoreTime),

    when(S::TransactionDone, E::Continue, S::ReceiptChoice, "receipts offered", receipts_offered),
    when(S::TransactionDone, E::Continue, S::AnotherTransaction, "no receipt, card in", no_receipts_offer_another),
    when(S::TransactionDone, E::Continue, S::Closing, "no receipt, card out", no_receipts_no_another, no_message),
    go(S::TransactionDone, E::Cancel, S::Closing, no_message),
    go(S::TransactionDone, E::Timeout, S::MoreTime),

    when(S::ReceiptChoice, E::ReceiptYes, S::Printing, "printer", paper_receipt),
    when(S::ReceiptChoice, E::ReceiptYes, S::ShowReceiptQr, "no printer: e-receipt", e_receipt),
    when(S::ReceiptChoice, E::ReceiptNo, S::AnotherTransaction, "card still in", offer_another, no_message),
    when(S::ReceiptChoice, E::ReceiptNo, S::Closing, "otherwise", no_another, no_message),
    go(S::ReceiptChoice, E::Cancel, S::Closing, no_message),
    go(S::ReceiptChoice, E::Timeout, S::MoreTime),

    when(S::Printing, E::PrintDone, S::AnotherTransaction, "card still in", offer_another, no_message),
    when(S::Printing, E::PrintDone, S::Closing, "otherwise", no_another, no_message),
    go(S::Printing, E::PrintFailed, S::Closing, receipt_failed),
    go(S::Printing, E::Timeout, S::Closing, receipt_failed),

    when(S::ShowReceiptQr, E::Continue, S::AnotherTransaction, "card still in", offer_another, no_message),
    when(S::ShowReceiptQr, E::Continue, S::Closing, "otherwise", no_another, no_message),
    go(S::ShowReceiptQr, E::Cancel, S::Closing, no_message),
    go(S::ShowReceiptQr, E::Timeout, S::Closing, no_message),  // time enough to scan; the session ends safely

    when(S::MoreTime, E::MoreTimeYes, S::SessionOptions, "was choosing options", resume<S::SessionOptions>),
    when(S::MoreTime, E::MoreTimeYes, S::PinEntry, "was entering PIN", resume<S::PinEntry>),
    when(S::MoreTime, E::MoreTimeYes, S::MainMenu, "was in menu", resume<S::MainMenu>),
    when(S::MoreTime, E::MoreTimeYes, S::WithdrawalAmount, "was choosing amount", resume<S::WithdrawalAmount>),
    when(S::MoreTime, E::MoreTimeYes, S::EnterAmount, "was typing amount", resume<S::EnterAmount>),
    when(S::MoreTime, E::MoreTimeYes, S::ChooseFromAccount, "was choosing from-account", resume<S::ChooseFromAccount>),
    when(S::MoreTime, E::MoreTimeYes, S::ChooseToAccount, "was choosing to-account", resume<S::ChooseToAccount>),
    // The pad forgot the first new PIN when its entry timed out: both are asked again.
    when(S::MoreTime, E::MoreTimeYes, S::EnterNewPin, "was entering new PIN", resume<S::EnterNewPin>),
    when(S::MoreTime, E::MoreTimeYes, S::CardlessCode, "was typing code", resume<S::CardlessCode>),
    when(S::MoreTime, E::MoreTimeYes, S::CardlessPhone, "was typing phone", resume<S::CardlessPhone>),
    when(S::MoreTime, E::MoreTimeYes, S::ShowBalance, "was reading balance", resume<S::ShowBalance>),
    when(S::MoreTime, E::MoreTimeYes, S::ShowStatement, "was reading statement", resume<S::ShowStatement>),
    when(S::MoreTime, E::MoreTimeYes, S::TransactionDone, "was reading confirmation", resume<S::TransactionDone>),
    when(S::MoreTime, E::MoreTimeYes, S::ReceiptChoice, "was choosing receipt", resume<S::ReceiptChoice>),
    go(S::MoreTime, E::MoreTimeNo, S::Closing, cancelled),
    go(S::MoreTime, E::Cancel, S::Closing, cancelled),
    go(S::MoreTime, E::Timeout, S::Closing, timed_out),

    // The card is back: the complaint screens when the customer asked for them or a failure
    // suggests them; else the survey when the gate offered it and nothing failed (the customer has
    // card and cash); else goodbye. (Entering Closing with no card in decides the same at once:
    // after_card_returned.)
    when(S::Closing, E::CardTaken, S::ComplaintCategory, "report asked", report_pending, card_taken),
    when(S::Closing, E::CardTaken, S::ComplaintOffer, "after a failure", failure_to_offer, card_taken),
    when(S::Closing, E::CardTaken, S::Survey, "survey offered", survey_wanted, card_taken),
    go(S::Closing, E::CardTaken, S::ThankYou, card_taken),
    stay(S::Closing, E::ReportProblem, report_asked),  // the card is on its way out: report after it
    go(S::Closing, E::Timeout, S::CardRetained, card_not_taken),
    go(S::Closing, E::CardEjectFailed, S::CardRetained, card_jammed),

    // One timer for the whole survey; Skip (or the pad's cancel) is one touch from every screen.
    when(S::Survey, E::SurveyRated, S::SurveyReasons, "score 1-2", low_score, survey_rated),
    when(S::Survey, E::SurveyRated, S::SurveyNps, "score 3-5, NPS sample", good_score_nps, survey_rated),
    when(S::Survey, E::SurveyRated, S::ThankYou, "score 3-5", good_score_done, survey_answered),
    go(S::Survey, E::SurveySkip, S::ThankYou, survey_skipped),
    go(S::Survey, E::Cancel, S::ThankYou, survey_skipped),
    go(S::Survey, E::Timeout, S::ThankYou, survey_timed_out),
    stay_when(S::SurveyReasons, E::SurveyReasonToggled, "known tag", known_reason, reason_toggled),
    when(S::SurveyReasons, E::SurveyDone, S::SurveyNps, "NPS sample", reasons_then_nps),
    when(S::SurveyReasons, E::SurveyDone, S::ThankYou, "otherwise", reasons_done, survey_answered),
    go(S::SurveyReasons, E::SurveySkip, S::ThankYou, survey_skipped),
    go(S::SurveyReasons, E::Cancel, S::ThankYou, survey_skipped),
    go(S::SurveyReasons, E::Timeout, S::ThankYou, survey_timed_out),
    when(S::SurveyNps, E::NpsRated, S::ThankYou, "0-10", nps_in_range, nps_rated),
    go(S::SurveyNps, E::SurveySkip, S::ThankYou, survey_skipped),
    go(S::SurveyNps, E::Cancel, S::ThankYou, survey_skipped),
    go(S::SurveyNps, E::Timeout, S::ThankYou, survey_timed_out),
    go(S::Survey, E::ReportProblem, S::ComplaintCategory, survey_left_to_report),
    go(S::SurveyReasons, E::ReportProblem, S::ComplaintCategory, survey_left_to_report),
    go(S::SurveyNps, E::ReportProblem, S::ComplaintCategory, survey_left_to_report),

    go(S::ThankYou, E::Timeout, S::Attract),
    go(S::CardRetained, E::Timeout, S::Attract),
    go(S::CardRetained, E::ReportProblem, S::ComplaintCategory, report_retained_card),

    // Complaints: pre-filled with what the kiosk knows; every way out says goodbye (the card is out).
    go(S::ComplaintOffer, E::ReportProblem, S::ComplaintCategory),
    go(S::ComplaintOffer, E::Cancel, S::ThankYou, complaint_declined),
    go(S::ComplaintOffer, E::Timeout, S::ThankYou),
    when(S::ComplaintCategory, E::ComplaintCategoryChosen, S::ComplaintConfirm, "one of the five", known_category,
         category_chosen),
    go(S::ComplaintCategory, E::Cancel, S::ThankYou),
    go(S::ComplaintCategory, E::Timeout, S::ThankYou),
    when(S::ComplaintConfirm, E::SendComplaint, S::ComplaintDone, "category chosen", category_set),
    go(S::ComplaintConfirm, E::ReportProblem, S::ComplaintCategory),  // "change the category"
    go(S::ComplaintConfirm, E::Cancel, S::ThankYou),
    go(S::ComplaintConfirm, E::Timeout, S::ThankYou),
    go(S::ComplaintDone, E::Continue, S::ThankYou),
    go(S::ComplaintDone, E::Timeout, S::ThankYou),
    when(S::OutOfService, E::DevicesRestored, S::Attract, "no self-test running", no_self_test),
    stay(S::OutOfService, E::DevicesFailed, out_of_service),  // the reason changed (host back, door opened)
};

// "Report a problem" from every state Cancel leaves for Closing: the same row (guard, reversal)
// with an action that also remembers the report, so the two cannot drift apart.
std::vector<TransitionRow> with_report_rows() {
    std::vector<TransitionRow> rows(table.begin(), table.end());
    for (const TransitionRow& row : table) {
        if (row.on != E::Cancel || row.to != S::Closing) continue;
        TransitionRow report = row;
        report.on = E::ReportProblem;
        report.action = row.action == no_message ? report_no_message : report_cancelled;
        rows.push_back(report);
    }
    const std::vector<TransitionRow> service = service_rows();
    rows.insert(rows.end(), service.begin(), service.end());
    return rows;
}

}  // namespace

std::optional<ComplaintCategory> failure_category(const Context& context) {
    if (!context.reason) return std::nullopt;
    switch (context.reason->kind()) {
        case CloseReason::DispenseFailed: return ComplaintCategory::CashNotDispensed;
        case CloseReason::ReceiptFailed: return ComplaintCategory::Receipt;
        case CloseReason::CardJammed:
        case CloseReason::CardNotTaken:
        case CloseReason::PinTriesExceeded: return ComplaintCategory::CardRetained;
        default: return std::nullopt;
    }
}

StateId after_card_returned(const Context& context) {
    if (context.report_asked) return StateId::ComplaintCategory;
    if (!context.complaint_shown && failure_category(context)) return StateId::ComplaintOffer;
    return survey_due(context) ? StateId::Survey : StateId::ThankYou;
}

std::span<const TransitionRow> transition_table() {
    static const std::vector<TransitionRow> rows = with_report_rows();
    return rows;
}

bool takes(const Context& context, const Event& event) {
    for (const TransitionRow& row : transition_table()) {
        if (row.from != context.state || row.on != kind_of(event)) continue;
        if (row.guard == nullptr || row.guard(context, event)) return true;
    }
    return false;
}

// Never after a failure or cancel (a reason), nor when the customer is reporting a problem.
bool survey_due(const Context& context) {
    return context.survey_offer.has_value() && !context.reason && !context.report_asked && !context.service_requested;
}

std::span<const StateId> all_states() { return states; }

std::vector<EffectKind> row_effects(const TransitionRow& row) {
    std::vector<EffectKind> kinds;
    if (row.record) kinds.push_back(EffectKind::RecordTransaction);
    if (row.first) kinds.push_back(std::visit([](const auto& effect) { return effect.kind; }, *row.first));
    if (row.settle) kinds.push_back(EffectKind::SettleWithdrawal);
    if (row.reverse) {
        if (*row.reverse == host::ReversalReason::CashNotTaken) kinds.push_back(EffectKind::RetractCash);
        kinds.push_back(EffectKind::ReverseTransaction);
    }
    return kinds;
}

std::vector<std::string> message_keys() {
    std::vector<std::string> keys;
    for (const CloseReason reason : all_close_reasons()) {
        if (reason != CloseReason::Declined) {
            keys.push_back(i18n_key(reason));
            continue;
        }
        for (int code = 0; code <= static_cast<int>(ResponseCode::SystemError); ++code) {
            keys.push_back(i18n_key(Reason::declined(static_cast<ResponseCode>(code))));
        }
    }
    return keys;
}

namespace {

// The transaction itself failed (the host said no or was silent, the cash did not reach the
// customer): the close screen says so instead of a plain "take your card".
bool transaction_failed(const Context& context) {
    if (!context.reason) return false;
    switch (context.reason->kind()) {
        case CloseReason::Declined:
        case CloseReason::HostUnavailable:
        case CloseReason::DispenseFailed:
        case CloseReason::CashNotTaken: return true;
        case CloseReason::Cancelled:
        case CloseReason::TimedOut:
        case CloseReason::CardUnreadable:
        case CloseReason::PinWrong:
        case CloseReason::PinTriesExceeded:
        case CloseReason::ReceiptFailed:
        case CloseReason::CardNotTaken:
        case CloseReason::CardJammed:
        case CloseReason::AmountNotMultiple:
        case CloseReason::AmountTooLarge:
        case CloseReason::AmountInvalid:
        case CloseReason::NewPinMismatch:
        case CloseReason::OutOfServiceDevices:
        case CloseReason::OutOfServiceTamper:
        case CloseReason::OutOfServiceHostUnreachable:
        case CloseReason::OutOfServiceStorageFull:
        case CloseReason::OutOfServiceSelfTest: return false;
    }
    return false;
}

}  // namespace

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
            if (context.reason && context.reason->kind() == CloseReason::CardUnreadable) {
                return ui::ScreenId::CardUnreadable;
            }
            return transaction_failed(context) ? ui::ScreenId::TransactionFailed : ui::ScreenId::TakeCard;
        case StateId::ThankYou:
            // Closing with the card already out (card-first cash, cardless) ends here at once; a
            // failure still says why.
            // After the complaint screens the failure has been said: plain goodbye.
            return transaction_failed(context) && !context.complaint_shown ? ui::ScreenId::TransactionFailed
                                                                          : ui::ScreenId::ThankYou;
        case StateId::SessionOptions: return ui::ScreenId::SessionOptions;
        case StateId::EnterAmount: return ui::ScreenId::EnterAmount;
        case StateId::ChooseFromAccount:
        case StateId::ChooseToAccount: return ui::ScreenId::AccountChoice;
        case StateId::EnterNewPin: return ui::ScreenId::EnterNewPin;
        case StateId::ConfirmNewPin: return ui::ScreenId::ConfirmNewPin;
        case StateId::ShowStatement: return ui::ScreenId::MiniStatement;
        case StateId::TransactionDone: return ui::ScreenId::TransactionDone;
        case StateId::CardlessCode:
        case StateId::CardlessPhone: return ui::ScreenId::CardlessEntry;
        case StateId::ShowReceiptQr: return ui::ScreenId::ReceiptQr;
        case StateId::WithdrawalAmount: return ui::ScreenId::WithdrawalAmount;
        case StateId::ReturningCard: return ui::ScreenId::TakeCard;
        case StateId::Dispensing: return ui::ScreenId::Dispensing;
        case StateId::TakeCash: return ui::ScreenId::TakeCash;
        case StateId::AnotherTransaction: return ui::ScreenId::AnotherTransaction;
        case StateId::CardRetained: return ui::ScreenId::CardRetained;
        case StateId::OutOfService: return ui::ScreenId::OutOfService;
        case StateId::Survey: return ui::ScreenId::Survey;
        case StateId::SurveyReasons: return ui::ScreenId::SurveyReasons;
        case StateId::SurveyNps: return ui::ScreenId::SurveyNps;
        case StateId::ComplaintOffer: return ui::ScreenId::ComplaintOffer;
        case StateId::ComplaintCategory: return ui::ScreenId::ComplaintCategory;
        case StateId::ComplaintConfirm: return ui::ScreenId::ComplaintConfirm;
        case StateId::ComplaintDone: return ui::ScreenId::ComplaintDone;
        case StateId::ServiceSignIn: return ui::ScreenId::ServiceSignIn;
        case StateId::ServiceEnterCount: return ui::ScreenId::ServiceEnterCount;
        case StateId::ServiceLeaving: return ui::ScreenId::ServiceLeaving;
        case StateId::ServiceMenu:
            switch (context.service_page) {
                case ServicePage::Overview: return ui::ScreenId::ServiceOverview;
                case ServicePage::DeviceTests: return ui::ScreenId::ServiceDeviceTests;
                case ServicePage::Cash: return ui::ScreenId::ServiceCash;
                case ServicePage::Outbox: return ui::ScreenId::ServiceOutbox;
                case ServicePage::Journal: return ui::ScreenId::ServiceJournal;
                case ServicePage::Keys: return ui::ScreenId::ServiceKeys;
                case ServicePage::Network: return ui::ScreenId::ServiceNetwork;
                case ServicePage::Quality: return ui::ScreenId::ServiceQuality;
                case ServicePage::About: return ui::ScreenId::ServiceAbout;
            }
            return ui::ScreenId::ServiceOverview;
    }
    return ui::ScreenId::OutOfService;
}

}  // namespace kiosk::flow
