// Runtime: the card and the PIN pad. Reading the card turns track data into the session's
// in-memory PAN, token and masked form at once; key entries ask the pad for a PIN (kept in the
// pad, taken out only as an enciphered block) or for digits typed in clear (an amount, a phone
// number, a one-time code), which the session holds until they are used.
#include "drivers/card/track_parser.hpp"
#include "kiosk/runtime/runtime.hpp"
#include "kiosk/runtime/runtime_support.hpp"

namespace kiosk {

namespace {

using flow::EventKind;
using flow::KeyEntry;
using runtime_support::plain;
using runtime_support::wipe;

bool is_pin(KeyEntry entry) {
    return entry == KeyEntry::Pin || entry == KeyEntry::NewPin || entry == KeyEntry::ConfirmNewPin;
}

}  // namespace

void Runtime::read_card() {
    auto tracks = parts_.devices.card_reader.read_tracks();
    if (!tracks.ok()) {
        note("card read failed: " + tracks.error().to_string());
        journal("customer", "card_inserted", "failure: " + tracks.error().message, "card reader");
        post(plain(EventKind::CardReadFailed));
        return;
    }
    auto card = drivers::parse_tracks(*tracks);
    if (!card.ok()) {
        // The parser's message names the defect, never the track text.
        note("card data rejected: " + card.error().message);
        journal("customer", "card_inserted", "failure: " + card.error().message, "card reader");
        post(plain(EventKind::CardReadFailed));
        return;
    }
    session_ = Session{};
    session_.number = ++sessions_started_;
    session_.pan = card->pan;
    session_.expiry_yymm = card->expiry_yymm;
    session_.masked_pan = security::mask_pan(card->pan.view());
    session_.pan_token = parts_.tokenizer.token(card->pan.view());
    if (profiles_ != nullptr) {
        if (const auto profile = profiles_->find(session_.pan_token)) {
            session_.usual_amount = profile->favourite_withdrawal;
            session_.prefers_small_notes = profile->prefers_small_notes;
        }
    }
    session_.journey.push_back({ui::ScreenId::ReadingCard, parts_.clock.now(), {}});
    wipe(card->cardholder_name);
    journal("customer", "card_inserted", "success", "card " + session_.masked_pan);
    post(plain(EventKind::CardReadOk));
}

void Runtime::begin_key_entry(KeyEntry entry) {
    if (entry == KeyEntry::OneTimeCode && !session_.cardless) {
        // A cardless visit starts with its code (there is no card read to start it).
        session_ = Session{};
        session_.number = ++sessions_started_;
        session_.cardless = true;
        journal("customer", "cardless_started", "success", "PIN pad");
    }
    drivers::PinEntryRequest request;
    session_.typed.clear();
    switch (entry) {
        case KeyEntry::Pin:
            request.mode = drivers::EntryMode::pin;
            session_.pin_block = security::SecureBytes();  // a PIN typed again replaces the last one
            break;
        case KeyEntry::NewPin:
            request.mode = drivers::EntryMode::new_pin;
            session_.new_pin_block = security::SecureBytes();
            break;
        case KeyEntry::ConfirmNewPin: request.mode = drivers::EntryMode::confirm_new_pin; break;
        case KeyEntry::Amount:
            request.mode = drivers::EntryMode::data;
            request.min_length = 1;
            request.max_length = static_cast<std::uint8_t>(flow_.config().max_amount_digits);
            break;
        case KeyEntry::OneTimeCode:  // field 60 carries at most 12 digits
            request.mode = drivers::EntryMode::data;
            request.min_length = 6;
            request.max_length = 12;
            break;
        case KeyEntry::PhoneNumber:  // E.164: at most 15 digits
            request.mode = drivers::EntryMode::data;
            request.min_length = 6;
            request.max_length = 15;
            break;
    }
    if (is_pin(entry)) request.pan = std::string(session_.pan.view());
    key_entry_ = entry;
    const Status status = parts_.devices.pin_pad.begin_pin_entry(request);
    wipe(request.pan);
    if (!status.ok()) {
        note("PIN pad (" + std::string(flow::to_string(entry)) + "): " + status.error().to_string());
        key_entry_.reset();
        post(plain(EventKind::Cancel));
    }
}

void Runtime::take_pin_block(security::SecureBytes& into) {
    key_entry_.reset();
    auto block = parts_.devices.pin_pad.get_pin_block();
    if (!block.ok()) {
        // No block, no request: the session ends safely (Cancel is a row wherever a PIN is typed;
        // where it is not, authorize() refuses to send without a block).
        note("PIN pad gave no PIN block: " + block.error().to_string());
        into = security::SecureBytes();
        post(plain(EventKind::Cancel));
        return;
    }
    into = security::SecureBytes(ByteView(block->data(), block->size()));
    OPENSSL_cleanse(block->data(), block->size());
}

void Runtime::on_typed_key(const drivers::PinPadEvent& event) {
    switch (event.key) {
        case drivers::PinKey::digit:
            if (!event.digit || !session_.typed.push(*event.digit)) return;  // full: the pad beeps
            break;
        case drivers::PinKey::backspace: session_.typed.pop(); break;
        case drivers::PinKey::clear: session_.typed.clear(); break;
        default: return;
    }
    flow::Event changed = plain(EventKind::EntryChanged);
    changed.digits = static_cast<int>(session_.typed.size());
    dispatch(changed);  // now, while the typed value is what this key made it
}

void Runtime::complete_typed_entry() {
    const std::optional<KeyEntry> entry = key_entry_;
    key_entry_.reset();
    if (entry == KeyEntry::Amount) {
        const std::optional<Money> amount = typed_amount();
        session_.typed.clear();
        check_amount(amount.value_or(Money{0, flow_.config().currency, flow_.config().currency_exponent()}));
    } else if (entry == KeyEntry::OneTimeCode) {
        session_.one_time_code = security::SecureString(session_.typed.view());
        session_.typed.clear();
        post(plain(EventKind::CodeEntered));
    } else if (entry == KeyEntry::PhoneNumber) {
        session_.phone_number = std::string(session_.typed.view());
        session_.typed.clear();
        post(plain(EventKind::PhoneEntered));
    }
}

}  // namespace kiosk
