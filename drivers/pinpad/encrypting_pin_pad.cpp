// EncryptingPinPad: encodes PinPad calls as PIN-pad frames and decodes replies and key events.
#include "drivers/pinpad/encrypting_pin_pad.hpp"

#include <string>

#include "drivers/frame/reply_code.hpp"
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
    Bytes data{request.min_length, request.max_length,
               static_cast<std::uint8_t>(request.pan.size())};
    data.insert(data.end(), request.pan.begin(), request.pan.end());
    auto body = call(pin_pad_protocol::cmd_begin_entry, "begin PIN entry", data);
    std::fill(data.begin(), data.end(), std::uint8_t{0});  // the PAN does not linger in memory
    if (!body) return body.error();
    return ok_status();
}

Result<std::vector<PinPadEvent>> EncryptingPinPad::poll() {
    auto frames = channel_.poll_events();
    if (!frames) return frames.error();
    std::vector<PinPadEvent> events;
    for (const auto& frame : *frames) {
        const Bytes& d = frame.data;
        switch (frame.command) {
            case pin_pad_protocol::evt_key: {
                if (d.size() != 2) {
                    return make_error(device_name, "key event has " + std::to_string(d.size()) +
                                                       " data bytes, expected 2");
                }
                auto key = pin_key_from_byte(d[0]);
                if (!key) return make_error(device_name, "key event names an unknown key");
                events.push_back({PinPadEvent::Kind::keyPressed, *key, d[1]});
                break;
            }
            case pin_pad_protocol::evt_entry_complete:
            case pin_pad_protocol::evt_entry_cancelled: {
                if (d.size() != 1) {
                    return make_error(device_name, "entry event has " + std::to_string(d.size()) +
                                                       " data bytes, expected 1");
                }
                const bool complete = frame.command == pin_pad_protocol::evt_entry_complete;
                events.push_back({complete ? PinPadEvent::Kind::entryComplete
                                           : PinPadEvent::Kind::entryCancelled,
                                  complete ? PinKey::enter : PinKey::cancel, d[0]});
                break;
            }
            default: break;  // unknown events from newer firmware are not errors
        }
    }
    return events;
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
    auto body = call(pin_pad_protocol::cmd_cancel_entry, "cancel PIN entry");
    if (!body) return body.error();
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
