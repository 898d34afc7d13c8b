#include "kiosk/runtime/runtime.hpp"

#include "kiosk/flow/session_outcome.hpp"
#include "kiosk/runtime/receipt_builder.hpp"
#include "kiosk/runtime/runtime_support.hpp"
#include "kiosk/runtime/screen_builder.hpp"
#include "kiosk/runtime/touch_action.hpp"

namespace kiosk {

namespace {

using flow::EffectKind;
namespace events = flow::events;
namespace effects = flow::effects;

}  // namespace

Runtime::Runtime(RuntimeParts parts, flow::Flow flow) : parts_(std::move(parts)), flow_(std::move(flow)) {}

void Runtime::attach_cash(CashParts cash) { cash_.emplace(std::move(cash)); }

void Runtime::start() {
    if (cash_) {
        // Before anyone is served: a withdrawal cut short by a power loss is reversed first.
        auto resolved = cash_->bracket.resolve(cash_->reversals);
        if (!resolved.ok()) {
            note("in-flight withdrawal could not be resolved: " + resolved.error().to_string());
            context_.state = flow::StateId::OutOfService;
            show(ui::ScreenId::OutOfService);
            return;
        }
        if (*resolved) note("in-flight withdrawal found at start-up: reversal queued");
        send_reversals();
    }
    const flow::Transition first = flow_.start();
    context_ = first.context;
    for (const flow::Effect& effect : first.effects) execute(effect);
    tick();
}

void Runtime::post(const flow::Event& event) { pending_.emplace_back(event); }

void Runtime::touch(std::string_view action) {
    if (on_touch) on_touch(action);
    const std::optional<TouchAction> touched = parse_touch_action(action);
    if (!touched) {
        note("ignored unknown touch action '" + std::string(action) + "'");
        return;
    }
    if (const auto* amount = std::get_if<AmountChoice>(&*touched)) {
        choose_amount(amount->index);
    } else if (std::holds_alternative<UsualAmount>(*touched)) {
        const std::optional<Money> usual = payable_usual_amount(cassettes());
        if (context_.state != flow::StateId::WithdrawalAmount || !usual) {
            note("ignored the usual-amount button");
            return;
        }
        check_amount(*usual);
    } else if (const auto* account = std::get_if<AccountChoice>(&*touched)) {
        const std::vector<host::AccountType> offered = offered_accounts(context_);
        if (account->index >= offered.size()) {
            note("ignored account button " + std::to_string(account->index));
            return;
        }
        post(events::AccountChosen(offered[account->index]));
    } else if (const auto* language = std::get_if<ui::Language>(&*touched)) {
        post(events::ChooseLanguage(*language));
    } else if (const auto* option = std::get_if<flow::SessionOption>(&*touched)) {
        post(events::ToggleOption(*option));
    } else {
        post(event_for(std::get<TouchCommand>(*touched)));
    }
}

void Runtime::tick() {
    poll_display();
    poll_devices();
    if (!next_fitness_check_ || parts_.clock.now() >= *next_fitness_check_) check_fitness();
    if (timer_deadline_ && parts_.clock.now() >= *timer_deadline_) {
        timer_deadline_.reset();
        post(events::Timeout{});
    }
    if (next_reversal_round_ && parts_.clock.now() >= *next_reversal_round_) send_reversals();
    while (!pending_.empty()) {
        const PendingInput input = pending_.front();
        pending_.pop_front();
        if (const auto* typed_key = std::get_if<drivers::PinPadEvent>(&input)) {
            if (typed_key->kind == drivers::PinPadEvent::Kind::entryComplete) {
                complete_typed_entry();
            } else {
                on_typed_key(*typed_key);
            }
            continue;
        }
        dispatch(std::get<flow::Event>(input));
    }
}

void Runtime::dispatch(const flow::Event& event) {
    context_.receipts_available = fitness_.receipts;
    const flow::Transition transition = flow_.step(context_, event);
    if (!transition.row) return;  // the current state has no use for this event
    context_ = transition.context;
    for (const flow::Effect& effect : transition.effects) execute(effect);
}

void Runtime::poll_display() {
    for (const ui::InputEvent& input : parts_.display.poll_input()) {
        switch (input.kind) {
            case ui::InputEvent::Kind::Action: touch(input.action); break;
            case ui::InputEvent::Kind::Key:
                if (on_key) on_key(input.key);
                break;
            case ui::InputEvent::Kind::Quit: quit_requested = true; break;
        }
    }
}

void Runtime::poll_devices() {
    auto card_events = parts_.devices.card_reader.poll();
    if (!card_events.ok()) {
        note("card reader poll failed: " + card_events.error().to_string());
    } else {
        for (const drivers::CardReaderEvent event : *card_events) {
            switch (event) {
                case drivers::CardReaderEvent::inserted: post(events::CardInserted{}); break;
                case drivers::CardReaderEvent::taken: post(events::CardTaken{}); break;
                case drivers::CardReaderEvent::jammed: post(events::CardEjectFailed{}); break;
            }
        }
    }
    if (cash_) {
        auto cash_events = cash_->dispenser.poll();
        if (!cash_events.ok()) {
            note("dispenser poll failed: " + cash_events.error().to_string());
        } else {
            for (const drivers::CashDispenserEvent event : *cash_events) {
                if (event == drivers::CashDispenserEvent::itemsTaken) post(events::CashTaken{});
            }
        }
    }
    poll_pin_pad();
}

void Runtime::poll_pin_pad() {
    auto pin_events = parts_.devices.pin_pad.poll();
    if (!pin_events.ok()) {
        note("PIN pad poll failed: " + pin_events.error().to_string());
        return;
    }
    const bool typing_clear = key_entry_ == flow::KeyEntry::Amount || key_entry_ == flow::KeyEntry::OneTimeCode ||
                              key_entry_ == flow::KeyEntry::PhoneNumber;
    for (const drivers::PinPadEvent& event : *pin_events) {
        switch (event.kind) {
            case drivers::PinPadEvent::Kind::entryComplete:
                if (typing_clear) {
                    pending_.emplace_back(event);
                } else {
                    post(events::PinEnter{});
                }
                break;
            case drivers::PinPadEvent::Kind::entryCancelled: post(events::Cancel{}); break;
            case drivers::PinPadEvent::Kind::entryMismatch: post(events::PinMismatch{}); break;
            case drivers::PinPadEvent::Kind::keyPressed:
                if (typing_clear) {
                    pending_.emplace_back(event);
                    break;
                }
                if (event.key == drivers::PinKey::digit) post(events::PinDigit{});
                if (event.key == drivers::PinKey::clear) post(events::PinClear{});
                if (event.key == drivers::PinKey::backspace) post(events::PinBackspace{});
                break;
        }
    }
}

void Runtime::execute(const flow::Effect& effect) {
    switch (flow::kind_of(effect)) {
        case EffectKind::ShowScreen: show(std::get<effects::ShowScreen>(effect).screen); break;
        case EffectKind::StartStateTimer:
            timer_deadline_ = parts_.clock.now() + std::get<effects::StartStateTimer>(effect).duration;
            break;
        case EffectKind::CancelStateTimer: timer_deadline_.reset(); break;
        case EffectKind::AcceptCard:
            // With the card reader down the kiosk still serves cardless withdrawals: the slot
            // stays shut and Attract says so.
            if (auto status = parts_.devices.card_reader.enable_insertion(fitness_.cards); !status.ok()) {
                note("card reader refused to " + std::string(fitness_.cards ? "open" : "close") +
                     " the slot: " + status.error().to_string());
            }
            next_fitness_check_.reset();  // back in Attract: is the kiosk still fit to serve?
            break;
        case EffectKind::RefuseCards:
            if (auto status = parts_.devices.card_reader.enable_insertion(false); !status.ok()) {
                note("card reader did not close the slot: " + status.error().to_string());
            }
            break;
        case EffectKind::ReadCard: read_card(); break;
        case EffectKind::BeginKeyEntry: begin_key_entry(std::get<effects::BeginKeyEntry>(effect).entry); break;
        case EffectKind::TakePinBlock: take_pin_block(session_.pin_block); break;
        case EffectKind::TakeNewPinBlock: take_pin_block(session_.new_pin_block); break;
        case EffectKind::RequestAuthorization: {
            const auto& request = std::get<effects::RequestAuthorization>(effect);
            authorize(request.transaction, request.amount);
            break;
        }
        case EffectKind::PrintReceipt: print_receipt(); break;
        case EffectKind::EjectCard:
            if (auto status = parts_.devices.card_reader.eject(); !status.ok()) {
                note("card eject failed: " + status.error().to_string());
                post(events::CardEjectFailed{});
            }
            break;
        case EffectKind::RetainCard: {
            auto bin = parts_.devices.card_reader.retain();
            const std::string outcome = bin.ok() ? "success" : "failure: " + bin.error().message;
            journal("system", "card_retained", outcome, "card " + session_.masked_pan,
                    context_.reason ? flow::i18n_key(*context_.reason) : std::string());
            break;
        }
        case EffectKind::RecordTransaction: {
            const auto& answered = std::get<effects::RecordTransaction>(effect);
            TransactionRecord record{answered.transaction, answered.response, session_.last_stan,
                                     session_.last_balance};
            if (auto status = parts_.cx.record_transaction(session_, record); !status.ok()) {
                note("recording the transaction failed: " + status.error().to_string());
            }
            break;
        }
        case EffectKind::EndSession: end_session(); break;
        case EffectKind::DispenseCash: dispense(std::get<effects::DispenseCash>(effect).amount); break;
        case EffectKind::RetractCash:
            if (cash_) {
                if (auto retracted = cash_->dispenser.retract(); !retracted.ok()) {
                    note("retract failed: " + retracted.error().to_string());
                } else {
                    note("retracted " + std::to_string(retracted->retracted) + " notes not taken");
                }
            }
            break;
        case EffectKind::SettleWithdrawal:
            if (cash_) {
                if (auto closed = cash_->bracket.close(); !closed.ok()) {
                    note("closing the in-flight bracket failed: " + closed.error().to_string());
                }
            }
            break;
        case EffectKind::ReverseTransaction: reverse_transaction(std::get<effects::ReverseTransaction>(effect)); break;
        case EffectKind::IssueEReceipt: issue_e_receipt(); break;
    }
}

void Runtime::show(ui::ScreenId screen) {
    const TimePoint now = parts_.clock.now();
    if (current_screen_ != screen) {
        if (!session_.journey.empty() && !session_.journey.back().left) session_.journey.back().left = now;
        if (session_.has_card() || screen != ui::ScreenId::Attract) session_.journey.push_back({screen, now, {}});
        current_screen_ = screen;
    }
    const ui::ViewModel vm = build_view_model(screen, context_, session_, screen_extras());
    if (auto status = parts_.display.show(vm); !status.ok()) note("display: " + status.error().to_string());
    if (on_screen) on_screen(vm);
}

ScreenExtras Runtime::screen_extras() {
    ScreenExtras extras;
    if (context_.state == flow::StateId::MoreTime) {
        if (const auto timeout = flow_.config().timeout_for(flow::StateId::MoreTime, context_.accessibility.speech)) {
            extras.seconds_left = static_cast<int>(timeout->count() / 1000);
        }
    }
    // One status read per screen: each is a command to the dispenser with its own timeout.
    const flow::StateId state = context_.state;
    const bool needs_cassettes =
        state == flow::StateId::WithdrawalAmount || state == flow::StateId::MainMenu || state == flow::StateId::EnterAmount;
    const std::vector<drivers::CassetteInfo> loaded = needs_cassettes ? cassettes() : std::vector<drivers::CassetteInfo>{};
    if (state == flow::StateId::WithdrawalAmount || state == flow::StateId::MainMenu) {
        offered_amounts_ = payable_fast_cash(loaded);
    }
    extras.fast_cash = offered_amounts_;
    if (state == flow::StateId::WithdrawalAmount) extras.usual_amount = payable_usual_amount(loaded);
    // Degraded modes (docs/ui.md): no dispenser hides withdrawals; cassettes that cannot pay any
    // fast-cash amount grey them; no printer shows the statement on screen only.
    extras.menu.withdrawal = !fitness_.withdrawals ? ui::Offer::Hidden
                             : offered_amounts_.empty() ? ui::Offer::Unavailable
                                                        : ui::Offer::Available;
    extras.menu.mini_statement_on_screen_only = !fitness_.receipts;
    extras.cards_accepted = fitness_.cards;
    extras.cardless_offered = fitness_.cardless && cash_.has_value();
    if (state == flow::StateId::EnterAmount) {
        extras.typed_amount = typed_amount();
        if (context_.pending_transaction != host::TransactionType::Transfer) extras.amount_step = amount_step(loaded);
    }
    if (context_.state == flow::StateId::ShowReceiptQr) {
        extras.e_receipt_text = parts_.e_receipt_url;
        const std::string placeholder = "{reference}";
        if (const auto at = extras.e_receipt_text.find(placeholder); at != std::string::npos) {
            extras.e_receipt_text.replace(at, placeholder.size(), session_.e_receipt_reference);
        }
    }
    return extras;
}

void Runtime::print_receipt() {
    const ReceiptFacts facts{parts_.bank_name, parts_.terminal_id, parts_.clock.now(),
                             context_.pending_transaction.value_or(host::TransactionType::BalanceInquiry),
                             context_.from_account.value_or(host::AccountType::Default),
                             context_.to_account.value_or(host::AccountType::Default)};
    const Status printed = parts_.devices.printer.print(build_receipt(facts, session_));
    if (!printed.ok()) {
        note("receipt printer: " + printed.error().to_string());
        post(events::PrintFailed{});
        return;
    }
    post(events::PrintDone{});
}

void Runtime::end_session() {
    if (!session_.journey.empty() && !session_.journey.back().left) {
        session_.journey.back().left = parts_.clock.now();
    }
    if (auto status = parts_.cx.record_journey(session_, context_.language, flow::outcome_of(context_)); !status.ok()) {
        note("recording the journey failed: " + status.error().to_string());
    }
    session_ = Session{};  // SecureString wipes the PAN
    current_screen_.reset();
}

void Runtime::note(const std::string& text) {
    if (on_note) on_note(text);
}

void Runtime::journal(std::string_view actor, std::string_view event, std::string_view outcome,
                      std::string_view resource, std::string_view detail) {
    if (auto status = parts_.cx.record_event(actor, event, outcome, resource, detail); !status.ok()) {
        note("journal: " + status.error().to_string());
    }
}

}  // namespace kiosk
