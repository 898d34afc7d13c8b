#include "kiosk/flow/flow.hpp"

namespace kiosk::flow {

namespace {

Effect effect(EffectKind kind) { return Effect{kind, {}, {}, {}, {}}; }

Effect with_amount(EffectKind kind, const Context& context) {
    Effect result = effect(kind);
    result.transaction = context.pending_transaction;
    result.amount = context.amount;
    return result;
}

Effect with_transaction(EffectKind kind, const Context& context) {
    Effect result = effect(kind);
    result.transaction = context.pending_transaction;
    return result;
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

Effect key_entry(KeyEntry entry) {
    Effect result = effect(EffectKind::BeginKeyEntry);
    result.entry = entry;
    return result;
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

Transition Flow::step(const Context& given, const Event& event) const {
    Context context = given;
    context.card_before_cash = config_.card_before_cash;
    context.e_receipts = config_.e_receipts;
    context.offer_another = config_.offer_another_transaction;
    const auto rows = transition_table();
    for (std::size_t index = 0; index < rows.size(); ++index) {
        const TransitionRow& row = rows[index];
        if (row.from != context.state || row.on != event.kind) continue;
        if (row.guard != nullptr && !row.guard(context, event)) continue;

        Transition transition{context, {}, index};
        Context& next = transition.context;
        // Host answers are business steps: record them whatever the flow does next.
        if (event.kind == EventKind::HostApproved || event.kind == EventKind::HostDeclined) {
            Effect record = with_transaction(EffectKind::RecordTransaction, context);
            record.response = event.kind == EventKind::HostApproved ? host::ResponseCode::Approved
                                                                    : event.response;
            transition.effects.push_back(record);
        }
        if (row.first) transition.effects.push_back(effect(*row.first));
        if (event.kind == EventKind::CashTaken) transition.effects.push_back(with_amount(EffectKind::SettleWithdrawal, context));
        if (row.reverse) {
            // Notes left in the slot go back first: the reversal then covers exactly what the
            // customer did not take.
            if (*row.reverse == host::ReversalReason::CashNotTaken) transition.effects.push_back(effect(EffectKind::RetractCash));
            Effect reverse = with_amount(EffectKind::ReverseTransaction, context);
            if (context.amount) reverse.dispensed = context.amount->with_minor_units(0);
            reverse.reason = row.reverse;
            transition.effects.push_back(reverse);
        }
        if (row.to == StateId::MoreTime) {
            if (const auto resume = resume_state_for(context.state)) next.resume_state = *resume;
        }
        if (row.action != nullptr) row.action(next, event);
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
        case StateId::Attract:
            context = Context{};  // the next customer starts from a clean slate
            effects.push_back(effect(EffectKind::AcceptCard));
            break;
        case StateId::ReadingCard: effects.push_back(effect(EffectKind::ReadCard)); break;
        case StateId::PinEntry:
        case StateId::EnterNewPin:
        case StateId::ConfirmNewPin:
        case StateId::EnterAmount:
        case StateId::CardlessCode:
        case StateId::CardlessPhone:
            // Each typing state starts its own entry on the pad, from no digits.
            context.pin_digits = 0;
            effects.push_back(key_entry(*key_entry_of(state)));
            break;
        case StateId::ShowReceiptQr: effects.push_back(with_transaction(EffectKind::IssueEReceipt, context)); break;
        case StateId::Authorizing:
            effects.push_back(with_amount(EffectKind::RequestAuthorization, context));
            break;
        case StateId::Printing: effects.push_back(with_transaction(EffectKind::PrintReceipt, context)); break;
        case StateId::Closing:
            if (!context.card_in_machine) {
                // The card went back before the cash (card-first order): nothing left to return.
                enter(context, StateId::ThankYou, effects);
                return;
            }
            effects.push_back(effect(EffectKind::EjectCard));
            break;
        case StateId::ReturningCard: effects.push_back(effect(EffectKind::EjectCard)); break;
        case StateId::Dispensing: effects.push_back(with_amount(EffectKind::DispenseCash, context)); break;
        case StateId::ThankYou: effects.push_back(effect(EffectKind::EndSession)); break;
        case StateId::CardRetained:
            if (context.card_in_machine) {
                effects.push_back(effect(EffectKind::RetainCard));
                context.card_in_machine = false;
            }
            effects.push_back(effect(EffectKind::EndSession));
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
        case StateId::OutOfService: effects.push_back(effect(EffectKind::RefuseCards)); break;
    }
    refresh(context, effects);
}

void Flow::refresh(const Context& context, std::vector<Effect>& effects) const {
    Effect show = effect(EffectKind::ShowScreen);
    show.screen = screen_for(context);
    effects.push_back(show);
    start_timer(context, effects);
}

void Flow::start_timer(const Context& context, std::vector<Effect>& effects) const {
    const std::optional<Millis> timeout = config_.timeout_for(context.state, context.accessibility.speech);
    if (!timeout) {
        effects.push_back(effect(EffectKind::CancelStateTimer));
        return;
    }
    Effect timer = effect(EffectKind::StartStateTimer);
    timer.duration = *timeout;
    effects.push_back(timer);
}

}  // namespace kiosk::flow
