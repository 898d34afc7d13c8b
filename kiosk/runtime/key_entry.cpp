#include "kiosk/runtime/key_entry.hpp"

#include <openssl/crypto.h>

#include <utility>


namespace kiosk {

namespace {


// The key's function for the journey; the value of a digit is not even looked at.
std::optional<PadKey> pad_key_of(drivers::PinKey key) {
    switch (key) {
        case drivers::PinKey::digit: return PadKey::Digit;
        case drivers::PinKey::clear: return PadKey::Clear;
        case drivers::PinKey::backspace: return PadKey::Backspace;
        case drivers::PinKey::cancel: return PadKey::Cancel;
        case drivers::PinKey::enter: return PadKey::Enter;
        default: return std::nullopt;  // function keys: not used by the customer flow
    }
}

// The keys beside the screen choose a button even while digits are being typed.
bool is_function_key(drivers::PinKey key) {
    return key >= drivers::PinKey::f1 && key <= drivers::PinKey::f8;
}

bool is_pin(flow::KeyEntry entry) {
    return entry == flow::KeyEntry::Pin || entry == flow::KeyEntry::NewPin || entry == flow::KeyEntry::ConfirmNewPin;
}

drivers::PinEntryRequest request_for(flow::KeyEntry entry, const flow::FlowConfig& config) {
    drivers::PinEntryRequest request;
    switch (entry) {
        case flow::KeyEntry::Pin: request.mode = drivers::EntryMode::pin; break;
        case flow::KeyEntry::NewPin: request.mode = drivers::EntryMode::new_pin; break;
        case flow::KeyEntry::ConfirmNewPin: request.mode = drivers::EntryMode::confirm_new_pin; break;
        case flow::KeyEntry::Amount:
            request.mode = drivers::EntryMode::data;
            request.min_length = 1;
            request.max_length = static_cast<std::uint8_t>(config.max_amount_digits);
            break;
        case flow::KeyEntry::OneTimeCode:  // field 60 carries at most 12 digits
            request.mode = drivers::EntryMode::data;
            request.min_length = 6;
            request.max_length = 12;
            break;
        case flow::KeyEntry::PhoneNumber:  // E.164: at most 15 digits
            request.mode = drivers::EntryMode::data;
            request.min_length = 6;
            request.max_length = 15;
            break;
        // The service mode's entries (docs/technician.md): a numeric technician id, the technician's
        // PIN (security/access/ asks for at least 8 characters; not a card PIN, so typed in clear and
        // checked against the registry) and a cassette's note count.
        case flow::KeyEntry::TechnicianId:
            request.mode = drivers::EntryMode::data;
            request.min_length = 1;
            request.max_length = 12;
            break;
        case flow::KeyEntry::TechnicianPin:
            request.mode = drivers::EntryMode::data;
            request.min_length = 8;
            request.max_length = 16;
            break;
        case flow::KeyEntry::CassetteCount:
            request.mode = drivers::EntryMode::data;
            request.min_length = 1;
            request.max_length = 5;
            break;
    }
    return request;
}

}  // namespace

KeyEntry::KeyEntry(RuntimePorts ports, PinPadWorker& pad, Session& session, const flow::FlowConfig& config,
                   Hooks hooks, DeviceTimeouts timeouts)
    : ports_(std::move(ports)), pad_(pad), session_(session), config_(config), hooks_(std::move(hooks)),
      timeouts_(timeouts) {}

bool KeyEntry::typing_clear() const { return entry_ && !is_pin(*entry_); }

void KeyEntry::begin(flow::KeyEntry entry) {
    if (entry == flow::KeyEntry::OneTimeCode && !session_.cardless && hooks_.start_cardless_visit) {
        hooks_.start_cardless_visit();  // a cardless visit starts with its code: there is no card read
    }
    session_.typed.clear();
    if (entry == flow::KeyEntry::Pin) session_.pin_block = security::SecureBytes();  // typed again: replaces the last
    if (entry == flow::KeyEntry::NewPin) session_.new_pin_block = security::SecureBytes();
    drivers::PinEntryRequest request = request_for(entry, config_);
    if (is_pin(entry)) request.pan = std::string(session_.pan.view());
    entry_ = entry;
    navigating_ = false;
    const std::uint64_t serial = ++serial_;
    pad_.submit<Done>(
        "begin entry", timeouts_.key_entry,
        [request = std::move(request)](drivers::PinPad& pad) mutable {
            const Status status = pad.begin_pin_entry(request);
            if (!request.pan.empty()) OPENSSL_cleanse(request.pan.data(), request.pan.size());
            return status;
        },
        [this, entry, serial](const Completion<Done>& done) {
            if (done.ok() || serial != serial_) return;
            ports_.note("PIN pad (" + std::string(flow::to_string(entry)) + "): " + done.describe());
            entry_.reset();
            ports_.post(flow::events::Cancel{});
        });
}

void KeyEntry::take_pin_block(bool new_pin) {
    entry_.reset();
    navigating_ = false;
    ++serial_;
    block_request_ = pad_.submit<Bytes>(
        "get PIN block", timeouts_.key_entry, [](drivers::PinPad& pad) { return pad.get_pin_block(); },
        [this, new_pin](const Completion<Bytes>& done) {
            block_request_.reset();
            security::SecureBytes& into = new_pin ? session_.new_pin_block : session_.pin_block;
            if (!done.ok()) {
                // No block, no request: the session ends safely (Cancel is a row wherever a PIN is
                // typed; where it is not, the host channel refuses to send without a block).
                ports_.note("PIN pad gave no PIN block: " + done.describe());
                into = security::SecureBytes();
                // A request waiting for this block is refused by the host channel (nothing sent);
                // with none waiting (the first entry) the visit is cancelled.
                if (after_block_.empty()) ports_.post(flow::events::Cancel{});
            } else {
                Bytes block = *done.payload;
                into = security::SecureBytes(ByteView(block.data(), block.size()));
                OPENSSL_cleanse(block.data(), block.size());
            }
            std::vector<std::function<void()>> waiting;
            waiting.swap(after_block_);
            for (auto& then : waiting) then();
        });
}

void KeyEntry::when_pin_block_ready(std::function<void()> then) {
    if (block_request_ && pad_.outstanding(*block_request_)) {
        after_block_.push_back(std::move(then));
        return;
    }
    then();
}

void KeyEntry::navigate() {
    if (navigating_) return;
    // An entry still recorded here belongs to a screen that has gone (a cancel on the pad, a
    // timeout): the pad forgets it with this begin.
    entry_.reset();
    navigating_ = true;
    const std::uint64_t serial = ++serial_;
    drivers::PinEntryRequest request(0, 0, std::string(), drivers::EntryMode::navigation);
    pad_.submit<Done>(
        "begin navigation", timeouts_.key_entry,
        [request = std::move(request)](drivers::PinPad& pad) { return pad.begin_pin_entry(request); },
        [this, serial](const Completion<Done>& done) {
            // Still marked navigating: a pad that refuses is not asked again every turn; the next
            // entry (or the fitness monitor) finds out what is wrong with it.
            if (!done.ok() && serial == serial_) ports_.note("PIN pad (navigation): " + done.describe());
        });
}

void KeyEntry::poll() {
    if (poll_ && pad_.outstanding(*poll_)) return;
    const std::uint64_t serial = serial_;
    // Keys in this poll's answer were pressed after the last poll was carried out, which was after
    // it was asked: on the screen shown then, or a later one. Counting them as made on the earlier
    // one drops, at worst, a key pressed in the first frames of a new screen — never answers a
    // screen with a key meant for the one before.
    const std::uint64_t shown = hooks_.screen_generation ? hooks_.screen_generation() : 0;
    const std::uint64_t made_on = std::exchange(polled_on_, shown);
    poll_ = pad_.submit<std::vector<drivers::PinPadEvent>>(
        "poll", timeouts_.poll, [](drivers::PinPad& pad) { return pad.poll(); },
        [this, serial, made_on](const Completion<std::vector<drivers::PinPadEvent>>& done) {
            poll_.reset();
            if (!done.ok()) {
                ports_.note("PIN pad poll failed: " + done.describe());
                return;
            }
            on_events(serial, made_on, *done.payload);
        });
}

void KeyEntry::on_events(std::uint64_t serial, std::uint64_t made_on, const std::vector<drivers::PinPadEvent>& events) {
    for (const drivers::PinPadEvent& event : events) {
        if (event.kind == drivers::PinPadEvent::Kind::keyPressed && hooks_.any_key) hooks_.any_key(event.key);
        // Keys of an entry the pad has since been told to replace belong to a screen that is gone.
        if (serial != serial_ && event.kind != drivers::PinPadEvent::Kind::entryCancelled) continue;
        if (event.digit && entry_ && is_pin(*entry_)) {
            // A navigation digit still on its way when the PIN entry began (the driver hands out
            // what the pad sent before the begin): it may be a PIN digit typed early. Never
            // counted, never looked at; the customer sees no dot for it and types it again.
            ports_.note("PIN pad: dropped a digit sent before the PIN entry began");
            continue;
        }
        if (event.kind == drivers::PinPadEvent::Kind::keyPressed && hooks_.navigation_key &&
            (navigating_ || is_function_key(event.key))) {
            if (const std::optional<PadKey> key = pad_key_of(event.key); key && hooks_.key_pressed) hooks_.key_pressed(*key);
            hooks_.navigation_key(event, made_on);
            continue;
        }
        switch (event.kind) {
            case drivers::PinPadEvent::Kind::entryComplete:
                if (typing_clear()) {
                    hooks_.in_turn([this] { complete_typed_entry(); });
                } else {
                    ports_.post(flow::events::PinEnter{});
                }
                break;
            case drivers::PinPadEvent::Kind::entryCancelled:
                if (serial == serial_) entry_.reset();  // the pad has ended it
                ports_.post(flow::events::Cancel{});
                break;
            case drivers::PinPadEvent::Kind::entryMismatch:
                entry_.reset();
                ports_.post(flow::events::PinMismatch{});
                break;
            case drivers::PinPadEvent::Kind::keyPressed:
                if (const std::optional<PadKey> key = pad_key_of(event.key); key && hooks_.key_pressed) {
                    hooks_.key_pressed(*key);
                }
                if (typing_clear()) {
                    hooks_.in_turn([this, event] { on_typed_key(event); });
                    break;
                }
                if (event.key == drivers::PinKey::digit) ports_.post(flow::events::PinDigit{});
                if (event.key == drivers::PinKey::clear) ports_.post(flow::events::PinClear{});
                if (event.key == drivers::PinKey::backspace) ports_.post(flow::events::PinBackspace{});
                break;
        }
    }
}

void KeyEntry::on_typed_key(const drivers::PinPadEvent& event) {
    switch (event.key) {
        case drivers::PinKey::digit:
            if (!event.digit || !session_.typed.push(*event.digit)) return;  // full: the pad beeps
            break;
        case drivers::PinKey::backspace: session_.typed.pop(); break;
        case drivers::PinKey::clear: session_.typed.clear(); break;
        default: return;
    }
    hooks_.dispatch(flow::events::EntryChanged(static_cast<int>(session_.typed.size())));
}

void KeyEntry::complete_typed_entry() {
    const std::optional<flow::KeyEntry> entry = entry_;
    entry_.reset();
    if (entry == flow::KeyEntry::Amount) {
        const std::optional<Money> amount = typed_amount();
        session_.typed.clear();
        hooks_.amount_typed(amount);
    } else if (entry == flow::KeyEntry::OneTimeCode) {
        session_.one_time_code = security::SecureString(session_.typed.view());
        session_.typed.clear();
        ports_.post(flow::events::CodeEntered{});
    } else if (entry == flow::KeyEntry::TechnicianId || entry == flow::KeyEntry::TechnicianPin ||
               entry == flow::KeyEntry::CassetteCount) {
        if (hooks_.service_typed) hooks_.service_typed(*entry, session_.typed.view());
        session_.typed.clear();
    } else if (entry == flow::KeyEntry::PhoneNumber) {
        session_.phone_number = std::string(session_.typed.view());
        session_.typed.clear();
        ports_.post(flow::events::PhoneEntered{});
    }
}

std::optional<Money> KeyEntry::typed_amount() const {
    // Whole units typed on the pad (the pad caps the digits, so this cannot overflow).
    if (session_.typed.empty()) return std::nullopt;
    std::int64_t minor = 0;
    for (const char digit : session_.typed.view()) minor = minor * 10 + (digit - '0');
    for (int i = 0; i < config_.currency_exponent(); ++i) minor *= 10;
    return Money{minor, config_.currency, config_.currency_exponent()};
}

}  // namespace kiosk
