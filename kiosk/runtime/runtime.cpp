#include "kiosk/runtime/runtime.hpp"

#include <openssl/crypto.h>

#include "drivers/card/track_parser.hpp"
#include "kiosk/runtime/receipt_builder.hpp"
#include "kiosk/runtime/screen_builder.hpp"

namespace kiosk {

namespace {

using flow::EffectKind;
using flow::EventKind;

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

void Runtime::start() {
    const flow::Transition first = flow_.start();
    context_ = first.context;
    for (const flow::Effect& effect : first.effects) execute(effect);
    tick();
}

void Runtime::post(const flow::Event& event) { pending_.push_back(event); }

void Runtime::touch(std::string_view action) {
    if (auto event = action_event(action)) {
        post(*event);
    } else {
        note("ignored unknown touch action '" + std::string(action) + "'");
    }
}

void Runtime::tick() {
    poll_display();
    poll_devices();
    if (timer_deadline_ && parts_.clock.now() >= *timer_deadline_) {
        timer_deadline_.reset();
        post(plain(EventKind::Timeout));
    }
    while (!pending_.empty()) {
        const flow::Event event = pending_.front();
        pending_.pop_front();
        dispatch(event);
    }
}

void Runtime::dispatch(const flow::Event& event) {
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
            authorize(effect.transaction.value_or(host::TransactionType::BalanceInquiry));
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
            if (auto status = parts_.cx.record_event("system", "card_retained", outcome, "card " + session_.masked_pan,
                                                     context_.message_key);
                !status.ok()) {
                note("journal: " + status.error().to_string());
            }
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
    const ui::ViewModel vm = build_view_model(screen, context_, session_, seconds_left);
    if (auto status = parts_.display.show(vm); !status.ok()) note("display: " + status.error().to_string());
    if (on_screen) on_screen(vm);
}

void Runtime::read_card() {
    auto tracks = parts_.devices.card_reader.read_tracks();
    if (!tracks.ok()) {
        note("card read failed: " + tracks.error().to_string());
        post(plain(EventKind::CardReadFailed));
        return;
    }
    auto card = drivers::parse_tracks(*tracks);
    wipe(tracks->track1);
    wipe(tracks->track2);
    if (!card.ok()) {
        // The parser's message names the defect, never the track text.
        note("card data rejected: " + card.error().message);
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
    post(plain(EventKind::CardReadOk));
}

void Runtime::authorize(host::TransactionType type) {
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
    session_.last_stan = request.stan;

    auto response = parts_.host.authorize(request);
    wipe(request.pan);
    OPENSSL_cleanse(request.pin_block.data(), request.pin_block.size());

    if (!response.ok()) {
        note("host link: " + response.error().to_string());
        post(plain(EventKind::HostUnavailable));
        return;
    }
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

void Runtime::note(const std::string& text) {
    if (on_note) on_note(text);
}

}  // namespace kiosk
