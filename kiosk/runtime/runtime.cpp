#include "kiosk/runtime/runtime.hpp"

#include <openssl/crypto.h>

#include "drivers/card/track_parser.hpp"
#include "kiosk/runtime/receipt_builder.hpp"
#include "kiosk/runtime/screen_builder.hpp"

namespace kiosk {

namespace {

using flow::EffectKind;
using flow::EventKind;

// The customer-facing reason (an i18n key of ui/i18n_strings.cpp) for an amount the cassettes
// cannot pay: too much for one dispense or for what is left, or not makeable from the notes.
std::string not_payable_message_key(std::optional<drivers::MixFailure> failure) {
    if (failure == drivers::MixFailure::tooManyNotes || failure == drivers::MixFailure::exceedsAvailable) {
        return "amount.too_large";
    }
    return "amount.not_multiple";
}

flow::Event plain(EventKind kind) { return flow::Event{kind, {}, {}, {}}; }

// Track text and parsed card data are plain strings in the driver's types: wipe them here, the
// moment they have been turned into the session's SecureString, token and masked form.
void wipe(std::string& text) {
    if (!text.empty()) OPENSSL_cleanse(text.data(), text.size());
    text.clear();
}

std::string_view outcome_of(const flow::Context& context) {
    if (context.state == flow::StateId::CardRetained) return "card_retained";
    if (context.message_key.empty()) return "completed";
    if (context.message_key == "session.cancelled") return "cancelled";
    if (context.message_key == "session.timed_out") return "timed_out";
    return "failed";
}

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

void Runtime::post(const flow::Event& event) { pending_.push_back(event); }

void Runtime::touch(std::string_view action) {
    if (on_touch) on_touch(action);
    if (auto index = amount_index(action)) {
        choose_amount(*index);
    } else if (auto event = action_event(action)) {
        post(*event);
    } else {
        note("ignored unknown touch action '" + std::string(action) + "'");
    }
}

void Runtime::tick() {
    poll_display();
    poll_devices();
    if (!next_fitness_check_ || parts_.clock.now() >= *next_fitness_check_) check_fitness();
    if (timer_deadline_ && parts_.clock.now() >= *timer_deadline_) {
        timer_deadline_.reset();
        post(plain(EventKind::Timeout));
    }
    if (next_reversal_round_ && parts_.clock.now() >= *next_reversal_round_) send_reversals();
    while (!pending_.empty()) {
        const flow::Event event = pending_.front();
        pending_.pop_front();
        dispatch(event);
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
                case drivers::CardReaderEvent::inserted: post(plain(EventKind::CardInserted)); break;
                case drivers::CardReaderEvent::taken: post(plain(EventKind::CardTaken)); break;
                case drivers::CardReaderEvent::jammed: post(plain(EventKind::CardEjectFailed)); break;
            }
        }
    }
    if (cash_) {
        auto cash_events = cash_->dispenser.poll();
        if (!cash_events.ok()) {
            note("dispenser poll failed: " + cash_events.error().to_string());
        } else {
            for (const drivers::CashDispenserEvent event : *cash_events) {
                if (event == drivers::CashDispenserEvent::itemsTaken) post(plain(EventKind::CashTaken));
            }
        }
    }
    auto pin_events = parts_.devices.pin_pad.poll();
    if (!pin_events.ok()) {
        note("PIN pad poll failed: " + pin_events.error().to_string());
        return;
    }
    for (const drivers::PinPadEvent& event : *pin_events) {
        switch (event.kind) {
            case drivers::PinPadEvent::Kind::entryComplete: post(plain(EventKind::PinEnter)); break;
            case drivers::PinPadEvent::Kind::entryCancelled: post(plain(EventKind::Cancel)); break;
            case drivers::PinPadEvent::Kind::keyPressed:
                if (event.key == drivers::PinKey::digit) post(plain(EventKind::PinDigit));
                if (event.key == drivers::PinKey::clear) post(plain(EventKind::PinClear));
                if (event.key == drivers::PinKey::backspace) post(plain(EventKind::PinBackspace));
                break;
        }
    }
}

void Runtime::execute(const flow::Effect& effect) {
    switch (effect.kind) {
        case EffectKind::ShowScreen: show(effect.screen.value_or(ui::ScreenId::OutOfService)); break;
        case EffectKind::StartStateTimer: timer_deadline_ = parts_.clock.now() + effect.duration.value_or(Millis(0)); break;
        case EffectKind::CancelStateTimer: timer_deadline_.reset(); break;
        case EffectKind::AcceptCard:
            if (auto status = parts_.devices.card_reader.enable_insertion(true); !status.ok()) {
                note("card reader refused to open the slot: " + status.error().to_string());
            }
            next_fitness_check_.reset();  // back in Attract: is the kiosk still fit to serve?
            break;
        case EffectKind::RefuseCards:
            if (auto status = parts_.devices.card_reader.enable_insertion(false); !status.ok()) {
                note("card reader did not close the slot: " + status.error().to_string());
            }
            break;
        case EffectKind::ReadCard: read_card(); break;
        case EffectKind::BeginPinEntry: {
            drivers::PinEntryRequest request;
            request.pan = std::string(session_.pan.view());
            const Status status = parts_.devices.pin_pad.begin_pin_entry(request);
            wipe(request.pan);
            if (!status.ok()) {
                note("PIN pad: " + status.error().to_string());
                post(plain(EventKind::Cancel));
            }
            break;
        }
        case EffectKind::RequestAuthorization:
            authorize(effect.transaction.value_or(host::TransactionType::BalanceInquiry), effect.amount);
            break;
        case EffectKind::PrintReceipt: print_receipt(); break;
        case EffectKind::EjectCard:
            if (auto status = parts_.devices.card_reader.eject(); !status.ok()) {
                note("card eject failed: " + status.error().to_string());
                post(plain(EventKind::CardEjectFailed));
            }
            break;
        case EffectKind::RetainCard: {
            auto bin = parts_.devices.card_reader.retain();
            const std::string outcome = bin.ok() ? "success" : "failure: " + bin.error().message;
            journal("system", "card_retained", outcome, "card " + session_.masked_pan, context_.message_key);
            break;
        }
        case EffectKind::RecordTransaction: {
            TransactionRecord record{effect.transaction.value_or(host::TransactionType::BalanceInquiry),
                                     effect.response.value_or(host::ResponseCode::SystemError), session_.last_stan,
                                     session_.last_balance};
            if (auto status = parts_.cx.record_transaction(session_, record); !status.ok()) {
                note("recording the transaction failed: " + status.error().to_string());
            }
            break;
        }
        case EffectKind::EndSession: end_session(); break;
        case EffectKind::DispenseCash:
            if (effect.amount) {
                dispense(*effect.amount);
            } else {
                note("dispense asked without an amount");
                post(plain(EventKind::DispenseFailed));
            }
            break;
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
        case EffectKind::ReverseWithdrawal: reverse_withdrawal(effect); break;
    }
}

void Runtime::show(ui::ScreenId screen) {
    const TimePoint now = parts_.clock.now();
    if (current_screen_ != screen) {
        if (!session_.journey.empty() && !session_.journey.back().left) session_.journey.back().left = now;
        if (session_.has_card() || screen != ui::ScreenId::Attract) session_.journey.push_back({screen, now, {}});
        current_screen_ = screen;
    }
    std::optional<int> seconds_left;
    if (screen == ui::ScreenId::MoreTime) {
        const auto timeout = flow_.config().state_timeouts.find(flow::StateId::MoreTime);
        if (timeout != flow_.config().state_timeouts.end()) {
            seconds_left = static_cast<int>(timeout->second.count() / 1000);
        }
    }
    if (context_.state == flow::StateId::WithdrawalAmount || screen == ui::ScreenId::MainMenu) {
        offered_amounts_ = payable_fast_cash();
    }
    const ui::ViewModel vm = build_view_model(screen, context_, session_, seconds_left, offered_amounts_);
    if (auto status = parts_.display.show(vm); !status.ok()) note("display: " + status.error().to_string());
    if (on_screen) on_screen(vm);
}

void Runtime::read_card() {
    auto tracks = parts_.devices.card_reader.read_tracks();
    if (!tracks.ok()) {
        note("card read failed: " + tracks.error().to_string());
        journal("customer", "card_inserted", "failure: " + tracks.error().message, "card reader");
        post(plain(EventKind::CardReadFailed));
        return;
    }
    auto card = drivers::parse_tracks(*tracks);
    wipe(tracks->track1);
    wipe(tracks->track2);
    if (!card.ok()) {
        // The parser's message names the defect, never the track text.
        note("card data rejected: " + card.error().message);
        journal("customer", "card_inserted", "failure: " + card.error().message, "card reader");
        post(plain(EventKind::CardReadFailed));
        return;
    }
    session_ = Session{};
    session_.number = ++sessions_started_;
    session_.pan = security::SecureString(std::string_view(card->pan));
    session_.expiry_yymm = card->expiry_yymm;
    session_.masked_pan = security::mask_pan(card->pan);
    session_.pan_token = parts_.tokenizer.token(card->pan);
    session_.journey.push_back({ui::ScreenId::ReadingCard, parts_.clock.now(), {}});
    wipe(card->pan);
    wipe(card->cardholder_name);
    journal("customer", "card_inserted", "success", "card " + session_.masked_pan);
    post(plain(EventKind::CardReadOk));
}

void Runtime::authorize(host::TransactionType type, const std::optional<Money>& amount) {
    auto pin_block = parts_.devices.pin_pad.get_pin_block();
    if (!pin_block.ok()) {
        note("PIN pad gave no PIN block: " + pin_block.error().to_string());
        post(plain(EventKind::HostUnavailable));
        return;
    }
    host::AuthorizationRequest request;
    request.type = type;
    request.pan = std::string(session_.pan.view());
    request.expiry_yymm = session_.expiry_yymm;
    request.pin_block = std::move(*pin_block);
    request.stan = next_stan_++;
    request.terminal_id = parts_.terminal_id;
    request.local_time = parts_.clock.now();
    request.amount = amount;
    session_.last_stan = request.stan;
    session_.last_request_time = request.local_time;

    auto response = parts_.host.authorize(request);
    wipe(request.pan);
    OPENSSL_cleanse(request.pin_block.data(), request.pin_block.size());

    if (!response.ok()) {
        note("host link: " + response.error().to_string());
        host_reachable_ = false;  // out of service after this session, until an echo answers
        next_host_probe_ = parts_.clock.now() + host_probe_interval;
        post(plain(EventKind::HostUnavailable));
        return;
    }
    host_reachable_ = true;
    // The host verified the PIN with the request: its answer is the PIN's outcome too.
    const bool pin_refused =
        response->code == host::ResponseCode::WrongPin || response->code == host::ResponseCode::PinTriesExceeded;
    journal("customer", "pin_verification", pin_refused ? "failure: " + std::string(host::to_string(response->code)) : "success",
            "card " + session_.masked_pan, "stan " + std::to_string(request.stan));
    if (response->code == host::ResponseCode::Approved) {
        session_.last_balance = response->available_balance;
        session_.last_authorization_id = response->authorization_id;
        flow::Event approved = plain(EventKind::HostApproved);
        approved.balance = response->available_balance;
        post(approved);
    } else {
        flow::Event declined = plain(EventKind::HostDeclined);
        declined.response = response->code;
        post(declined);
    }
}

void Runtime::print_receipt() {
    const ReceiptFacts facts{parts_.bank_name, parts_.terminal_id, parts_.clock.now(),
                             context_.pending_transaction.value_or(host::TransactionType::BalanceInquiry)};
    const Status printed = parts_.devices.printer.print(build_receipt(facts, session_));
    if (!printed.ok()) {
        note("receipt printer: " + printed.error().to_string());
        post(plain(EventKind::PrintFailed));
        return;
    }
    post(plain(EventKind::PrintDone));
}

void Runtime::end_session() {
    if (!session_.journey.empty() && !session_.journey.back().left) {
        session_.journey.back().left = parts_.clock.now();
    }
    if (auto status = parts_.cx.record_journey(session_, context_.language, outcome_of(context_)); !status.ok()) {
        note("recording the journey failed: " + status.error().to_string());
    }
    session_ = Session{};  // SecureString wipes the PAN
    current_screen_.reset();
}

std::vector<Money> Runtime::payable_fast_cash() {
    std::vector<Money> payable;
    if (!cash_ || !fitness_.withdrawals) return payable;
    const drivers::DispenserStatus status = cash_->dispenser.status();
    const flow::FlowConfig& config = flow_.config();
    for (const std::int64_t minor : config.fast_cash_minor) {
        const Money amount{minor, config.currency, config.currency_exponent};
        if (cash_->mixer.plan(amount, status.cassettes).ok()) payable.push_back(amount);
    }
    return payable;
}

void Runtime::choose_amount(std::size_t index) {
    if (context_.state != flow::StateId::WithdrawalAmount || index >= offered_amounts_.size()) {
        note("ignored amount button " + std::to_string(index));
        return;
    }
    const Money amount = offered_amounts_[index];
    // The cassettes may have changed since the screen was drawn: check again before the host.
    const drivers::DispenserStatus status = cash_->dispenser.status();
    auto plan = cash_->mixer.plan(amount, status.cassettes);
    if (!plan.ok()) {
        flow::Event refused = plain(EventKind::AmountNotPayable);
        refused.message_key = not_payable_message_key(drivers::mix_failure_of(plan.error()));
        note("amount not payable: " + plan.error().message);
        post(refused);
        return;
    }
    flow::Event chosen = plain(EventKind::AmountChosen);
    chosen.amount = amount;
    post(chosen);
}

host::ReversalRequest Runtime::reversal_for(const Money& amount, const Money& dispensed, host::ReversalReason reason) {
    host::ReversalRequest reversal;
    reversal.original_type = host::TransactionType::Withdrawal;
    reversal.original_stan = session_.last_stan;
    reversal.original_time = session_.last_request_time;
    reversal.pan = std::string(session_.pan.view());
    reversal.expiry_yymm = session_.expiry_yymm;
    reversal.amount = amount;
    reversal.dispensed = dispensed;
    reversal.reason = reason;
    reversal.stan = next_stan_++;
    reversal.terminal_id = parts_.terminal_id;
    reversal.local_time = parts_.clock.now();
    return reversal;
}

void Runtime::dispense(const Money& amount) {
    if (!cash_) {
        note("dispense asked but no dispenser is attached");
        post(plain(EventKind::DispenseFailed));
        return;
    }
    const drivers::DispenserStatus status = cash_->dispenser.status();
    auto plan = cash_->mixer.plan(amount, status.cassettes);
    if (!plan.ok()) {
        note("note mix failed: " + plan.error().message);
        post(plain(EventKind::DispenseFailed));
        return;
    }
    // The bracket holds the reversal of everything: if the power goes now, start-up sends it.
    host::ReversalRequest in_waiting = reversal_for(amount, Money{0, amount.currency, amount.exponent},
                                                    host::ReversalReason::DeviceMalfunction);
    --next_stan_;  // the bracket's reversal is only a draft; a real one takes its own STAN later
    const Status opened = cash_->bracket.open(in_waiting);
    wipe(in_waiting.pan);
    if (!opened.ok()) {
        note("in-flight bracket not persisted, not dispensing: " + opened.error().to_string());
        post(plain(EventKind::DispenseFailed));
        return;
    }
    auto report = cash_->dispenser.dispense(*plan);
    const bool complete = report.ok() && report->complete;
    const std::string amount_text = drivers::format_money(amount.minor_units, amount.currency, amount.exponent);
    std::optional<std::uint16_t> presented;
    if (complete) {
        auto shown = cash_->dispenser.present();
        if (shown.ok()) {
            presented = *shown;
        } else {
            note("present failed: " + shown.error().to_string());
        }
    } else {
        note("dispense incomplete: " + (report.ok() ? report->failure : report.error().to_string()));
    }
    journal("system", "dispense",
            presented ? "success" : "failure: " + (report.ok() ? report->failure : report.error().message),
            "dispenser", "amount " + amount_text + (presented ? ", " + std::to_string(*presented) + " notes presented" : ""));
    if (!presented) {
        // Nothing reached the customer: stacked notes go to the reject bin, the flow reverses it all.
        if (auto retracted = cash_->dispenser.retract(); !retracted.ok()) {
            note("retract after a failed dispense failed: " + retracted.error().to_string());
        }
        post(plain(EventKind::DispenseFailed));
        return;
    }
    post(plain(EventKind::CashPresented));
}

void Runtime::reverse_withdrawal(const flow::Effect& effect) {
    if (!cash_ || !effect.amount) {
        note("reversal asked without a dispenser or an amount; nothing queued");
        return;
    }
    const Money dispensed = effect.dispensed.value_or(Money{0, effect.amount->currency, effect.amount->exponent});
    host::ReversalRequest reversal =
        reversal_for(*effect.amount, dispensed, effect.reason.value_or(host::ReversalReason::DeviceMalfunction));
    const Status queued = cash_->bracket.close_with_reversal(cash_->reversals, reversal);
    wipe(reversal.pan);
    if (!queued.ok()) {
        note("queueing the reversal failed: " + queued.error().to_string());
        return;
    }
    note("reversal queued for STAN " + std::to_string(reversal.original_stan) + " (" +
         std::string(host::to_string(reversal.reason)) + ")");
    journal("system", "reversal_queued", "success", "stan " + std::to_string(reversal.original_stan),
            std::string(host::to_string(reversal.reason)));
    send_reversals();
}

void Runtime::send_reversals() {
    next_reversal_round_.reset();
    auto report = cash_->reversals.send_pending(parts_.host);
    if (!report.ok()) {
        note("sending reversals failed: " + report.error().to_string());
    } else if (report->acknowledged > 0) {
        note(std::to_string(report->acknowledged) + " reversal(s) acknowledged");
    }
    auto left = cash_->reversals.pending();
    if (!left.ok() || !left->empty()) next_reversal_round_ = parts_.clock.now() + cash_->reversal_retry;
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
