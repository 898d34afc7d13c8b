// SimPinPad: the encrypting PIN pad model (see sim_pin_pad.hpp).
#include "sim/devices/sim_pin_pad.hpp"

#include <array>
#include <stdexcept>

#include "drivers/pinpad/pin_pad_protocol.hpp"
#include "security/pin_block.hpp"

namespace kiosk::sim {

using drivers::PinEntryState;
using drivers::PinKey;
using drivers::ReplyCode;
namespace proto = drivers::pin_pad_protocol;

SimPinPad::SimPinPad(ByteView pin_key, RandomSource& random)
    : endpoint_(link_, [this](const drivers::Frame& frame) { handle(frame); }),
      pin_key_(pin_key),
      random_(random) {}

void SimPinPad::forget_pin() {
    digits_.wipe();
    digit_count_ = 0;
    pan_ = security::SecureString();
}

void SimPinPad::key_event(PinKey key) {
    const Bytes data{static_cast<std::uint8_t>(key), static_cast<std::uint8_t>(digit_count_)};
    endpoint_.event(proto::evt_key, data);
}

void SimPinPad::press_digit(char digit) {
    if (digit < '0' || digit > '9') throw std::invalid_argument("press_digit takes '0'-'9'");
    // Outside a PIN entry, and beyond the maximum length, digits are swallowed (the pad beeps).
    if (entry_ != PinEntryState::entering || digit_count_ >= max_length_) return;
    digits_[digit_count_++] = digit;
    key_event(PinKey::digit);
}

void SimPinPad::press_enter() {
    key_event(PinKey::enter);
    if (entry_ == PinEntryState::entering && digit_count_ >= min_length_) {
        entry_ = PinEntryState::complete;
        endpoint_.event(proto::evt_entry_complete, Bytes{static_cast<std::uint8_t>(digit_count_)});
    }
}

void SimPinPad::press_clear() {
    if (entry_ == PinEntryState::entering) {
        digits_.wipe();
        digit_count_ = 0;
    }
    key_event(PinKey::clear);
}

void SimPinPad::press_backspace() {
    if (entry_ == PinEntryState::entering && digit_count_ > 0) digits_[--digit_count_] = '\0';
    key_event(PinKey::backspace);
}

void SimPinPad::press_cancel() {
    key_event(PinKey::cancel);
    if (entry_ == PinEntryState::entering || entry_ == PinEntryState::complete) {
        const auto count = static_cast<std::uint8_t>(digit_count_);
        forget_pin();
        entry_ = PinEntryState::idle;
        endpoint_.event(proto::evt_entry_cancelled, Bytes{count});
    }
}

void SimPinPad::press_function(int number) {
    if (number < 1 || number > 8) throw std::invalid_argument("press_function takes 1-8");
    key_event(static_cast<PinKey>(static_cast<int>(PinKey::f1) + number - 1));
}

void SimPinPad::type_pin(std::string_view pin) {
    for (char digit : pin) press_digit(digit);
    press_enter();
}

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
            forget_pin();
            entry_ = PinEntryState::idle;
            endpoint_.reply(frame.command, ReplyCode::ok);
            return;
        default: endpoint_.reply(frame.command, ReplyCode::unknownCommand); return;
    }
}

void SimPinPad::on_begin_entry(const drivers::Frame& frame) {
    const Bytes& d = frame.data;
    // min, max, PAN length, PAN digits — the pad checks what the driver checked, as real pads do.
    const bool shaped = d.size() >= 3 && d.size() == 3u + d[2] && d[2] >= 1 && d[2] <= 19;
    if (!shaped || d[0] < 4 || d[1] > 12 || d[0] > d[1]) {
        endpoint_.reply(frame.command, ReplyCode::badParameter);
        return;
    }
    for (std::size_t i = 3; i < d.size(); ++i) {
        if (d[i] < '0' || d[i] > '9') {
            endpoint_.reply(frame.command, ReplyCode::badParameter);
            return;
        }
    }
    forget_pin();
    min_length_ = d[0];
    max_length_ = d[1];
    pan_ = security::SecureString(
        std::string_view(reinterpret_cast<const char*>(d.data() + 3), d.size() - 3));  // NOLINT
    entry_ = PinEntryState::entering;
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
