// SimPinPad: the encrypting PIN pad model (see sim_pin_pad.hpp).
#include "sim/devices/sim_pin_pad.hpp"

#include <array>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "drivers/pinpad/pin_pad_protocol.hpp"
#include "security/pin_block.hpp"

namespace kiosk::sim {

using drivers::EntryMode;
using drivers::PinEntryState;
using drivers::PinKey;
using drivers::ReplyCode;
namespace proto = drivers::pin_pad_protocol;

SimPinPad::SimPinPad(ByteView pin_key, RandomSource& random)
    : endpoint_(link_, [this](const drivers::Frame& frame) { handle(frame); }),
      pin_key_(pin_key),
      random_(random) {}

void SimPinPad::fail_crypto(FaultMode mode) {
    const auto guard = link_.lock();
    fail_crypto_.set(mode);
}

PinEntryState SimPinPad::entry_state() const {
    const auto guard = link_.lock();
    return entry_;
}

std::size_t SimPinPad::digits_entered() const {
    const auto guard = link_.lock();
    return digit_count_;
}

bool SimPinPad::navigating() const {
    const auto guard = link_.lock();
    return mode_ == EntryMode::navigation;
}

bool SimPinPad::holds_new_pin() const {
    const auto guard = link_.lock();
    return !kept_pin_.empty();
}

void SimPinPad::forget_pin() {
    digits_.wipe();
    digit_count_ = 0;
    pan_ = security::SecureString();
}

void SimPinPad::forget_all() {
    forget_pin();
    kept_pin_ = security::SecureString();  // assignment wipes the old contents
    kept_pan_ = security::SecureString();
}

void SimPinPad::key_event(PinKey key, char digit) {
    Bytes data{static_cast<std::uint8_t>(key), static_cast<std::uint8_t>(digit_count_)};
    // The only place a digit goes on the wire: a clear data entry or navigation, never a PIN mode.
    if (key == PinKey::digit && drivers::reports_digits(mode_)) {
        data.push_back(static_cast<std::uint8_t>(digit));
    }
    endpoint_.event(proto::evt_key, data);
}

void SimPinPad::press_digit(char digit) {
    if (digit < '0' || digit > '9') throw std::invalid_argument("press_digit takes '0'-'9'");
    const auto guard = link_.lock();
    // Navigation: every digit is reported with its value (it chooses a button) and none is kept.
    if (mode_ == EntryMode::navigation) {
        key_event(PinKey::digit, digit);
        return;
    }
    // Outside an entry, and beyond the maximum length, digits are swallowed (the pad beeps).
    if (entry_ != PinEntryState::entering || digit_count_ >= max_length_) return;
    digits_[digit_count_++] = digit;
    key_event(PinKey::digit, digit);
}

void SimPinPad::press_enter() {
    const auto guard = link_.lock();
    key_event(PinKey::enter);
    if (entry_ == PinEntryState::entering && digit_count_ >= min_length_) on_enter_accepted();
}

void SimPinPad::on_enter_accepted() {
    const Bytes count{static_cast<std::uint8_t>(digit_count_)};
    const std::string_view typed(digits_.data(), digit_count_);
    switch (mode_) {
        case EntryMode::pin:
            entry_ = PinEntryState::complete;
            break;
        case EntryMode::new_pin:
            // Kept for the confirmation; there is no block to take (GET PIN BLOCK: sequenceError).
            kept_pin_ = security::SecureString(typed);
            kept_pan_ = pan_;
            forget_pin();
            entry_ = PinEntryState::idle;
            break;
        case EntryMode::confirm_new_pin:
            // Compared here and only here: two format-4 blocks of one PIN differ (random pad).
            if (!(kept_pin_ == security::SecureString(typed))) {
                forget_all();
                entry_ = PinEntryState::idle;
                endpoint_.event(proto::evt_entry_mismatch, count);
                return;
            }
            kept_pin_ = security::SecureString();
            kept_pan_ = security::SecureString();
            entry_ = PinEntryState::complete;  // the block of the new PIN can be taken
            break;
        case EntryMode::data:
            // The host has every digit from the key events; nothing to keep.
            forget_pin();
            entry_ = PinEntryState::idle;
            break;
        case EntryMode::navigation: return;  // never entering: Enter is only a key
    }
    endpoint_.event(proto::evt_entry_complete, count);
}

void SimPinPad::press_clear() {
    const auto guard = link_.lock();
    if (entry_ == PinEntryState::entering) {
        digits_.wipe();
        digit_count_ = 0;
    }
    key_event(PinKey::clear);
}

void SimPinPad::press_backspace() {
    const auto guard = link_.lock();
    if (entry_ == PinEntryState::entering && digit_count_ > 0) digits_[--digit_count_] = '\0';
    key_event(PinKey::backspace);
}

void SimPinPad::press_cancel() {
    const auto guard = link_.lock();
    key_event(PinKey::cancel);
    const auto count = static_cast<std::uint8_t>(digit_count_);
    const bool in_entry = entry_ == PinEntryState::entering || entry_ == PinEntryState::complete;
    forget_all();  // also a new PIN waiting for its confirmation: the customer gave up
    entry_ = PinEntryState::idle;
    if (in_entry) endpoint_.event(proto::evt_entry_cancelled, Bytes{count});
}

void SimPinPad::press_audio(PinKey key) {
    if (key != PinKey::audio_repeat && key != PinKey::audio_volume_up && key != PinKey::audio_volume_down) {
        throw std::invalid_argument("press_audio takes audio_repeat, audio_volume_up or audio_volume_down");
    }
    const auto guard = link_.lock();
    key_event(key);
}

void SimPinPad::press_function(int number) {
    if (number < 1 || number > 8) throw std::invalid_argument("press_function takes 1-8");
    const auto guard = link_.lock();
    key_event(static_cast<PinKey>(static_cast<int>(PinKey::f1) + number - 1));
}

void SimPinPad::type_pin(std::string_view pin) {
    const auto guard = link_.lock();  // the whole PIN at once: no driver command lands mid-entry
    for (char digit : pin) press_digit(digit);
    press_enter();
}

// The handlers below run inside the driver's write(), with the link's lock held.
void SimPinPad::handle(const drivers::Frame& frame) {
    switch (frame.command) {
        case proto::cmd_status: {
            const Bytes body{static_cast<std::uint8_t>(drivers::DeviceState::online),
                             static_cast<std::uint8_t>(entry_),
                             static_cast<std::uint8_t>(digit_count_),
                             static_cast<std::uint8_t>(ReplyCode::ok)};
            endpoint_.reply(frame.command, ReplyCode::ok, body);
            return;
        }
        case proto::cmd_begin_entry: on_begin_entry(frame); return;
        case proto::cmd_get_pin_block: on_get_pin_block(frame.command); return;
        case proto::cmd_cancel_entry:
            forget_all();
            entry_ = PinEntryState::idle;
            mode_ = EntryMode::pin;  // idle and silent: digits are swallowed again
            endpoint_.reply(frame.command, ReplyCode::ok);
            return;
        default: endpoint_.reply(frame.command, ReplyCode::unknownCommand); return;
    }
}

ReplyCode SimPinPad::check_begin(const Bytes& d) const {
    // mode, min, max, PAN length, PAN digits — the pad checks what the driver checked, as real
    // pads do. An older host's frame (min first, ≥ 4) fails the mode check.
    const std::size_t header = proto::begin_entry_header_size;
    if (d.size() < header || d.size() != header + d[3] ||
        d[0] > static_cast<std::uint8_t>(EntryMode::navigation)) {
        return ReplyCode::badParameter;
    }
    const auto mode = static_cast<EntryMode>(d[0]);
    const std::uint8_t min = d[1];
    const std::uint8_t max = d[2];
    const std::uint8_t pan_length = d[3];
    const bool limits_ok = mode == EntryMode::navigation ? min == 0 && max == 0 && pan_length == 0
                           : mode == EntryMode::data
                               ? min >= 1 && max <= 19 && min <= max && pan_length == 0
                               : min >= 4 && max <= 12 && min <= max && pan_length >= 1 &&
                                     pan_length <= 19;
    if (!limits_ok) return ReplyCode::badParameter;
    for (std::size_t i = header; i < d.size(); ++i) {
        if (d[i] < '0' || d[i] > '9') return ReplyCode::badParameter;
    }
    return ReplyCode::ok;
}

void SimPinPad::on_begin_entry(const drivers::Frame& frame) {
    const Bytes& d = frame.data;
    if (const ReplyCode code = check_begin(d); code != ReplyCode::ok) {
        endpoint_.reply(frame.command, code);  // a refused frame changes nothing
        return;
    }
    const auto mode = static_cast<EntryMode>(d[0]);
    const std::size_t header = proto::begin_entry_header_size;
    security::SecureString pan(
        std::string_view(reinterpret_cast<const char*>(d.data() + header), d.size() - header));  // NOLINT
    if (mode == EntryMode::confirm_new_pin) {
        // Only right after a completed new_pin entry for the same card.
        const bool kept_for_this_card = !kept_pin_.empty() && kept_pan_ == pan;
        forget_pin();
        if (!kept_for_this_card) {
            forget_all();
            entry_ = PinEntryState::idle;
            endpoint_.reply(frame.command, ReplyCode::sequenceError);
            return;
        }
    } else {
        forget_all();
    }
    mode_ = mode;
    min_length_ = d[1];
    max_length_ = d[2];
    pan_ = std::move(pan);
    // Navigation collects nothing: the pad stays idle (its status says so) and reports keys.
    entry_ = mode == EntryMode::navigation ? PinEntryState::idle : PinEntryState::entering;
    endpoint_.reply(frame.command, ReplyCode::ok);
}

void SimPinPad::on_get_pin_block(std::uint8_t command) {
    if (entry_ != PinEntryState::complete) {
        endpoint_.reply(command, ReplyCode::sequenceError);
        return;
    }
    std::array<std::uint8_t, security::kFormat4RandomPadSize> pad{};
    random_.fill(pad);
    auto block = fail_crypto_.fire()
                     ? Result<Bytes>(make_error("sim pin pad", "crypto fault injected"))
                     : security::encipher_format4(pin_key_.view(),
                                                  std::string_view(digits_.data(), digit_count_),
                                                  pan_.view(), pad);
    forget_pin();
    entry_ = PinEntryState::idle;
    if (!block) {
        endpoint_.reply(command, ReplyCode::cryptoError);
        return;
    }
    endpoint_.reply(command, ReplyCode::ok, *block);
}

}  // namespace kiosk::sim
