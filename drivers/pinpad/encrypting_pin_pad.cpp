// EncryptingPinPad: encodes PinPad calls as PIN-pad frames and decodes replies and key events.
#include "drivers/pinpad/encrypting_pin_pad.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "drivers/frame/reply_code.hpp"
#include "drivers/pinpad/pin_pad_event_decoder.hpp"
#include "drivers/pinpad/pin_pad_protocol.hpp"

namespace kiosk::drivers {
namespace {

constexpr const char* device_name = "pin pad";

}  // namespace

EncryptingPinPad::EncryptingPinPad(Transport& transport, Millis command_timeout)
    : channel_(transport, device_name, command_timeout) {}

Result<Bytes> EncryptingPinPad::call(std::uint8_t command, std::string_view action, ByteView data) {
    auto reply = channel_.exchange(command, data);
    if (!reply) return reply.error();
    if (reply->code != ReplyCode::ok) return reply_error(device_name, action, reply->code);
    return std::move(reply->body);
}

Status EncryptingPinPad::begin_pin_entry(const PinEntryRequest& request) {
    KIOSK_TRY(validate(request));
    // Events already sent belong to the entry before this one and are read in its mode: a
    // data-mode digit still queued must not look like a PIN-mode digit, nor the reverse.
    auto earlier = poll_frames();
    if (!earlier) return earlier.error();
    held_events_.insert(held_events_.end(), earlier->begin(), earlier->end());

    // Built by appending: g++ 12 -O2 reports a false -Warray-bounds for insert() after a short
    // initializer list (GCC bug 107852).
    Bytes data;
    data.reserve(pin_pad_protocol::begin_entry_header_size + request.pan.size());
    data.push_back(static_cast<std::uint8_t>(request.mode));
    data.push_back(request.min_length);
    data.push_back(request.max_length);
    data.push_back(static_cast<std::uint8_t>(request.pan.size()));
    for (char digit : request.pan) data.push_back(static_cast<std::uint8_t>(digit));
    const std::string action = request.mode == EntryMode::pin
                                   ? std::string("begin PIN entry")
                                   : "begin " + std::string(to_string(request.mode)) + " entry";
    auto body = call(pin_pad_protocol::cmd_begin_entry, action, data);
    std::fill(data.begin(), data.end(), std::uint8_t{0});  // the PAN does not linger in memory
    if (!body) return body.error();
    mode_ = request.mode;
    return ok_status();
}

Result<std::vector<PinPadEvent>> EncryptingPinPad::poll_frames() {
    auto frames = channel_.poll_events();
    if (!frames) return frames.error();
    std::vector<PinPadEvent> events;
    for (const auto& frame : *frames) {
        auto event = decode_pin_pad_event(frame, mode_);
        if (!event) return event.error();
        if (*event) events.push_back(**event);
    }
    return events;
}

Result<std::vector<PinPadEvent>> EncryptingPinPad::poll() {
    auto events = poll_frames();
    if (!events) return events.error();
    std::vector<PinPadEvent> all = std::exchange(held_events_, {});
    all.insert(all.end(), events->begin(), events->end());
    return all;
}

Result<Bytes> EncryptingPinPad::get_pin_block() {
    auto body = call(pin_pad_protocol::cmd_get_pin_block, "get PIN block");
    if (!body) return body.error();
    if (body->size() != pin_block_size) {
        return make_error(device_name, "PIN block has " + std::to_string(body->size()) +
                                           " bytes, expected 16");
    }
    return body;
}

Status EncryptingPinPad::cancel_entry() {
    // As for a begin: what was sent before is read in the mode it was sent in (navigation digits).
    auto earlier = poll_frames();
    if (!earlier) return earlier.error();
    held_events_.insert(held_events_.end(), earlier->begin(), earlier->end());
    auto body = call(pin_pad_protocol::cmd_cancel_entry, "cancel PIN entry");
    if (!body) return body.error();
    mode_ = EntryMode::pin;  // an idle pad reports no digit values
    return ok_status();
}

PinPadStatus EncryptingPinPad::status() {
    auto body = call(pin_pad_protocol::cmd_status, "status");
    if (!body) return {unreachable_status(body.error()), PinEntryState::idle, 0};
    const Bytes& b = *body;
    auto state = b.size() == pin_pad_protocol::status_body_size ? device_state_from_byte(b[0])
                                                               : std::nullopt;
    auto fault = b.size() == pin_pad_protocol::status_body_size ? reply_code_from_byte(b[3])
                                                               : std::nullopt;
    if (!state || !fault || b[1] > static_cast<std::uint8_t>(PinEntryState::complete)) {
        return {DeviceStatus{DeviceState::hardwareError,
                             DeviceError{ErrorType::software, RecommendedAction::softwareError,
                                         "malformed status reply (" + std::to_string(b.size()) +
                                             " bytes)"}},
                PinEntryState::idle, 0};
    }
    PinPadStatus result;
    result.device.state = *state;
    if (*state != DeviceState::online) {
        result.device.error = DeviceError{ErrorType::hardware, RecommendedAction::reset,
                                          std::string(to_string(*fault))};
    }
    result.entry = static_cast<PinEntryState>(b[1]);
    result.digits_entered = b[2];
    return result;
}

}  // namespace kiosk::drivers
