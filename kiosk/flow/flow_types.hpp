// The vocabulary of the customer flow: its states and the context it carries from one event to
// the next; the events it reacts to (flow_events.hpp), the effects it asks the runtime to carry
// out (flow_effects.hpp) and why a session closes (close_reason.hpp). Plain data only — no clock,
// no device, no I/O (architecture principle 1).
#pragma once

#include <optional>
#include <string_view>

#include "common/money.hpp"
#include "host/host_messages.hpp"
#include "kiosk/flow/close_reason.hpp"
#include "kiosk/flow/flow_effects.hpp"
#include "kiosk/flow/flow_events.hpp"
#include "kiosk/flow/service_mode.hpp"
#include "kiosk/flow/survey_answers.hpp"
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
    // The post-transaction survey: after the customer has card and cash, one timer for all three.
    Survey,             // satisfaction 1–5 (faces) or Skip
    SurveyReasons,      // after a score of 1–2: reason tags, Done or Skip
    SurveyNps,          // on the NPS sample of visits: 0–10 or Skip
    ComplaintOffer,     // after a failure, the card back: "Something went wrong. Report it?"
    ComplaintCategory,  // "Report a problem": what went wrong (pre-selected when the kiosk knows)
    ComplaintConfirm,   // what will be sent: category, transaction reference, amount — never a card number
    ComplaintDone,      // acknowledged at once: the reference, on a printed slip or as a QR code
    // Service mode (docs/technician.md): asked for by the operator key or a technician card; a
    // customer's visit ends first (flow.cpp, "ServiceRequested").
    ServiceSignIn,      // technician id, then PIN, typed on the pad (not a card PIN)
    ServiceMenu,        // the service pages (Context::service_page); actions run from here
    ServiceEnterCount,  // replenish: one cassette's new count typed on the pad
    ServiceLeaving,     // the fitness check: back to Attract only if fit
};

// Everything the flow remembers during a session. The card itself (PAN, tracks) is not here:
// the runtime's session holds it, the flow only needs to know a card is in.
struct Context {
    StateId state = StateId::Attract;
    StateId resume_state = StateId::Attract;  // where "more time? yes" goes back to
    ui::Language language = ui::Language::English;
    bool card_in_machine = false;
    int pin_digits = 0;
    int max_pin_tries = 3;   // stamped from FlowConfig on every step: wrong PINs before the card is kept
    int pin_tries_left = 3;
    std::optional<host::TransactionType> pending_transaction;  // chosen, not yet approved
    std::optional<Money> balance;
    // Why the session closes (shown on Closing, ThankYou, CardRetained), or the notice a state
    // shows on the way (wrong PIN, amount refused, out of service); none on the happy path.
    std::optional<Reason> reason;
    std::optional<Money> amount;  // the withdrawal amount chosen
    bool cash_taken = false;      // the customer has the notes of this withdrawal
    bool card_before_cash = true; // stamped from FlowConfig on every step (guards read it)
    bool e_receipts = true;       // stamped from FlowConfig: a QR e-receipt when the printer cannot print
    bool offer_another = true;    // stamped from FlowConfig: "another transaction?" while the card is in
    // Stamped by the runtime from device fitness before every step (kiosk/runtime/service_fitness.hpp):
    // false while the printer cannot print; the flow then offers an e-receipt, or no receipt.
    bool receipts_available = true;
    ui::Accessibility accessibility;                 // chosen on SessionOptions, kept for the session
    // Stamped by the runtime before every step: headphones are in the audio jack, so the kiosk is
    // speaking (docs/ui.md § Speech) and the customer's timers stretch as in a speech session.
    bool speech_headset = false;
    std::optional<host::AccountType> from_account;  // transfer
    std::optional<host::AccountType> to_account;
    // Stamped by the runtime before every step from its survey gate (kiosk/cx/survey_gate.hpp):
    // set when this customer may be asked now. The flow asks only when the visit also ends with
    // no failure or cancel (no reason) once card and cash are with the customer.
    std::optional<SurveyOffer> survey_offer;
    std::optional<SurveyAnswers> survey;  // from entering Survey to the record
    // "Report a problem" (docs/flow.md § Complaints): touched during the visit, so the complaint
    // screens follow once the card is back; the category chosen or suggested by a failure; whether
    // the kiosk offered the report after a failure; and that the complaint screens were shown.
    bool report_asked = false;
    std::optional<ComplaintCategory> complaint_category;
    bool complaint_offered = false;
    bool complaint_shown = false;

    // Service mode (docs/technician.md). Asked for during a visit: the visit ends first and
    // Attract gives way to ServiceSignIn.
    bool service_requested = false;
    ServiceField service_field = ServiceField::TechnicianId;
    std::optional<SignInRefusal> sign_in_refusal;  // the last attempt's, shown on ServiceSignIn
    std::optional<ServiceRole> service_role;       // signed in as
    ServicePage service_page = ServicePage::Overview;
    std::optional<ServiceAction> service_action;    // the last action started (its page shows it)
    std::optional<ServiceOutcome> service_outcome;  // none while it runs
    std::optional<ServiceAction> service_action_asked;  // set by a row's action; Flow::step asks it and clears it
    int service_count_cassette = 0;                 // ServiceEnterCount: which cassette (0-based)
    bool service_unfit = false;                     // leaving was refused: the kiosk is not fit
    // kioskctl selftest is testing the devices: OutOfService until it finishes, whatever the
    // fitness rounds in between say (a test dispense makes the dispenser busy).
    bool self_testing = false;

    // Speech guidance is on: chosen on SessionOptions or a headset in the jack. Timers stretch.
    [[nodiscard]] bool speaking() const { return accessibility.speech || speech_headset; }
};

std::string_view to_string(StateId state);

}  // namespace kiosk::flow
