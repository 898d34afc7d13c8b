#include "kiosk/flow/flow.hpp"

#include "kiosk/flow/flow_service_rows.hpp"

#include <variant>

namespace kiosk::flow {

namespace {

// The code a host answer carries: HostApproved is approval by definition.
host::ResponseCode answer_of(const Event& event) {
    if (const auto* declined = std::get_if<events::HostDeclined>(&event)) return declined->response;
    return host::ResponseCode::Approved;
}

// The row's own effects, in row_effects() order. A transaction that was never chosen, or a cash
// amount never set, has nothing to record or reverse: every row into Authorizing chose one
// (choose_*, cardless_started) and every way to cash set the amount (amount_chosen).
void ask_row_effects(const TransitionRow& row, const Context& context, const Event& event,
                     std::vector<Effect>& effects) {
    if (row.record && context.pending_transaction) {
        effects.push_back(effects::RecordTransaction(*context.pending_transaction, answer_of(event)));
    }
    if (row.first) std::visit([&](const auto& first) { effects.push_back(first); }, *row.first);
    if (row.settle) effects.push_back(effects::SettleWithdrawal{});
    if (row.reverse) {
        // Notes left in the slot go back first: the reversal then covers exactly what the
        // customer did not take.
        if (*row.reverse == host::ReversalReason::CashNotTaken) effects.push_back(effects::RetractCash{});
        if (context.pending_transaction && context.amount) {
            const Money nothing{0, context.amount->currency, context.amount->exponent};
            effects.push_back(
                effects::ReverseTransaction(*context.pending_transaction, *context.amount, nothing, *row.reverse));
        }
    }
}

// What the PIN pad collects in a typing state; nullopt for the other states.
std::optional<KeyEntry> key_entry_of(StateId state) {
    switch (state) {
        case StateId::PinEntry: return KeyEntry::Pin;
        case StateId::EnterNewPin: return KeyEntry::NewPin;
        case StateId::ConfirmNewPin: return KeyEntry::ConfirmNewPin;
        case StateId::EnterAmount: return KeyEntry::Amount;
        case StateId::CardlessCode: return KeyEntry::OneTimeCode;
        case StateId::CardlessPhone: return KeyEntry::PhoneNumber;
        default: return std::nullopt;
    }
}

// Where a "more time?" prompt returns to; nullopt for states it cannot return to. The pad has
// forgotten a first new PIN by then, so a confirmation resumes at the new PIN.
std::optional<StateId> resume_state_for(StateId state) {
    switch (state) {
        case StateId::SessionOptions:
        case StateId::PinEntry:
        case StateId::MainMenu:
        case StateId::WithdrawalAmount:
        case StateId::EnterAmount:
        case StateId::ChooseFromAccount:
        case StateId::ChooseToAccount:
        case StateId::EnterNewPin:
        case StateId::CardlessCode:
        case StateId::CardlessPhone:
        case StateId::ShowBalance:
        case StateId::ShowStatement:
        case StateId::TransactionDone:
        case StateId::ReceiptChoice: return state;
        case StateId::ConfirmNewPin: return StateId::EnterNewPin;
        default: return std::nullopt;
    }
}

}  // namespace

Transition Flow::start() const {
    Transition transition;
    enter(transition.context, StateId::Attract, transition.effects);
    return transition;
}

namespace {

// A customer's visit asked to give way to the service mode: it ends as Cancel ends it (the card
// comes back, a request that may have moved money is reversed, the visit is recorded) wherever
// Cancel is taken; where it is not (the host is answering, notes are being counted or presented)
// the visit goes on by its own rules until a state that takes Cancel or its end. Attract then
// gives way to ServiceSignIn (Flow::enter).
bool customer_state(StateId state) {
    return state != StateId::Attract && state != StateId::OutOfService && !is_service_state(state);
}

}  // namespace

Transition Flow::step(const Context& given, const Event& event) const {
    Transition transition = step_row(given, event);
    if (!transition.row && kind_of(event) == EventKind::ServiceRequested && customer_state(given.state)) {
        transition.context.service_requested = true;  // noted: the visit ends at the next chance
    }
    // The first state of the visit's remaining path that takes Cancel ends it there.
    const Context& next = transition.context;
    if (next.service_requested && customer_state(next.state) && takes(next, events::Cancel{})) {
        Transition ended = step_row(next, events::Cancel{});
        transition.effects.insert(transition.effects.end(), ended.effects.begin(), ended.effects.end());
        transition.context = ended.context;
        if (!transition.row) transition.row = ended.row;
    }
    return transition;
}

Transition Flow::step_row(const Context& given, const Event& event) const {
    Context context = given;
    context.card_before_cash = config_.card_before_cash;
    context.max_pin_tries = config_.max_pin_tries;
    context.e_receipts = config_.e_receipts;
    context.offer_another = config_.offer_another_transaction;
    const auto rows = transition_table();
    for (std::size_t index = 0; index < rows.size(); ++index) {
        const TransitionRow& row = rows[index];
        if (row.from != context.state || row.on != kind_of(event)) continue;
        if (row.guard != nullptr && !row.guard(context, event)) continue;

        Transition transition{context, {}, index};
        Context& next = transition.context;
        ask_row_effects(row, context, event, transition.effects);
        if (row.to == StateId::MoreTime) {
            if (const auto resume = resume_state_for(context.state)) next.resume_state = *resume;
        }
        if (row.action != nullptr) row.action(next, event);
        if (next.service_action_asked) {  // a service page's action: carried out, then forgotten
            transition.effects.push_back(effects::RunServiceAction(*next.service_action_asked));
            next.service_action_asked.reset();
        }
        if (row.internal) {
            refresh(next, transition.effects);
        } else {
            enter(next, row.to, transition.effects);
        }
        return transition;
    }
    return Transition{given, {}, std::nullopt};
}

void Flow::enter(Context& context, StateId state, std::vector<Effect>& effects) const {
    context.state = state;
    switch (state) {
        case StateId::Attract: {
            const bool headset = context.speech_headset;  // stamped by the runtime, not the visit's
            const bool service = context.service_requested;
            context = Context{};  // the next customer starts from a clean slate
            context.speech_headset = headset;
            if (service) {        // the visit that asked for the service mode has ended
                enter(context, StateId::ServiceSignIn, effects);
                return;
            }
            effects.push_back(effects::AcceptCard{});
            break;
        }
        case StateId::ReadingCard: effects.push_back(effects::ReadCard{}); break;
        case StateId::PinEntry:
        case StateId::EnterNewPin:
        case StateId::ConfirmNewPin:
        case StateId::EnterAmount:
        case StateId::CardlessCode:
        case StateId::CardlessPhone:
            // Each typing state starts its own entry on the pad, from no digits.
            context.pin_digits = 0;
            effects.push_back(effects::BeginKeyEntry(*key_entry_of(state)));
            break;
        case StateId::ShowReceiptQr:
            if (context.pending_transaction) effects.push_back(effects::IssueEReceipt(*context.pending_transaction));
            break;
        case StateId::Authorizing:
            if (context.pending_transaction) {
                effects.push_back(effects::RequestAuthorization(*context.pending_transaction, context.amount));
            }
            break;
        case StateId::Printing:
            if (context.pending_transaction) effects.push_back(effects::PrintReceipt(*context.pending_transaction));
            break;
        case StateId::Closing:
            if (!context.card_in_machine) {
                // The card went back before the cash (card-first order): nothing left to return, so
                // the customer has everything now: the complaint screens, the survey or goodbye.
                enter(context, after_card_returned(context), effects);
                return;
            }
            effects.push_back(effects::EjectCard{});
            break;
        case StateId::ReturningCard: effects.push_back(effects::EjectCard{}); break;
        case StateId::Dispensing:
            if (context.amount) effects.push_back(effects::DispenseCash(*context.amount));
            break;
        case StateId::ThankYou:
            // The survey's record goes before the journey's: the journey ends with the survey.
            if (context.survey && context.survey->status) effects.push_back(effects::RecordSurvey(*context.survey));
            effects.push_back(effects::EndSession{});
            break;
        case StateId::Survey: context.survey = SurveyAnswers{}; break;
        case StateId::SurveyNps:
            if (context.survey) context.survey->nps_asked = true;  // always: Survey came first
            break;
        case StateId::SurveyReasons: break;
        case StateId::CardRetained:
            if (context.card_in_machine) {
                effects.push_back(effects::RetainCard{});
                context.card_in_machine = false;
            }
            effects.push_back(effects::EndSession{});
            break;
        case StateId::SessionOptions:
        case StateId::ChooseFromAccount:
        case StateId::ChooseToAccount:
        case StateId::ShowStatement:
        case StateId::TransactionDone:
        case StateId::MainMenu:
        case StateId::WithdrawalAmount:
        case StateId::TakeCash:
        case StateId::AnotherTransaction:
        case StateId::ShowBalance:
        case StateId::ReceiptChoice:
        case StateId::MoreTime: break;
        case StateId::OutOfService: effects.push_back(effects::RefuseCards{}); break;
        case StateId::ComplaintOffer:
        case StateId::ComplaintCategory:
        case StateId::ComplaintConfirm:
            // Pre-filled with what the kiosk knows (never replacing the customer's own choice).
            if (!context.complaint_category) context.complaint_category = failure_category(context);
            if (state == StateId::ComplaintOffer) context.complaint_offered = true;
            context.complaint_shown = true;
            break;
        case StateId::ServiceSignIn:
            context.service_requested = false;  // answered
            effects.push_back(effects::RefuseCards{});
            effects.push_back(effects::BeginKeyEntry(*service_key_entry(context)));
            break;
        case StateId::ServiceEnterCount: effects.push_back(effects::BeginKeyEntry(KeyEntry::CassetteCount)); break;
        case StateId::ServiceLeaving: effects.push_back(effects::CheckServiceFitness{}); break;
        case StateId::ServiceMenu: break;
        case StateId::ComplaintDone:
            // Only the confirm screen's guarded row leads here: the category is one of the five.
            if (context.complaint_category) {
                effects.push_back(effects::FileComplaint(*context.complaint_category, context.complaint_offered));
            }
            break;
    }
    refresh(context, effects);
}

void Flow::refresh(const Context& context, std::vector<Effect>& effects) const {
    effects.push_back(effects::ShowScreen(screen_for(context)));
    start_timer(context, effects);
}

void Flow::start_timer(const Context& context, std::vector<Effect>& effects) const {
    // The survey has one timer for all its screens: the follow-ups leave Survey's running.
    if (context.state == StateId::SurveyReasons || context.state == StateId::SurveyNps) return;
    const std::optional<Millis> timeout = config_.timeout_for(context.state, context.speaking());
    if (!timeout) {
        effects.push_back(effects::CancelStateTimer{});
        return;
    }
    effects.push_back(effects::StartStateTimer(*timeout));
}

}  // namespace kiosk::flow
