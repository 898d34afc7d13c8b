// MechanismCardReader: encodes CardReader calls as mechanism frames and decodes the replies.
#include "drivers/card/mechanism_card_reader.hpp"

#include <string>

#include "drivers/card/card_mechanism_protocol.hpp"

namespace kiosk::drivers {
namespace {

constexpr const char* device_name = "card reader";

std::uint16_t read_u16(ByteView bytes, std::size_t at) {
    return static_cast<std::uint16_t>((bytes[at] << 8U) | bytes[at + 1]);
}

DeviceError error_for(DeviceState state, ReplyCode last_fault) {
    std::string description(to_string(last_fault));
    switch (state) {
        case DeviceState::userError:
            return {ErrorType::user, RecommendedAction::clear, description};
        case DeviceState::fraudAttempt:
        case DeviceState::potentialFraud:
            return {ErrorType::fraudAttempt, RecommendedAction::suspend, description};
        default:
            return {ErrorType::hardware, RecommendedAction::reset, description};
    }
}

}  // namespace

MechanismCardReader::MechanismCardReader(Transport& transport, Millis command_timeout)
    : channel_(transport, device_name, command_timeout) {}

Result<Bytes> MechanismCardReader::call(std::uint8_t command, std::string_view action,
                                        ByteView data) {
    auto reply = channel_.exchange(command, data);
    if (!reply) return reply.error();
    if (reply->code != ReplyCode::ok) return reply_error(device_name, action, reply->code);
    return std::move(reply->body);
}

Status MechanismCardReader::enable_insertion(bool enabled) {
    const std::uint8_t flag = enabled ? 1 : 0;
    auto body = call(card_mechanism::cmd_enable, enabled ? "enable insertion" : "disable insertion",
                     ByteView(&flag, 1));
    if (!body) return body.error();
    return ok_status();
}

Result<std::vector<CardReaderEvent>> MechanismCardReader::poll() {
    auto frames = channel_.poll_events();
    if (!frames) return frames.error();
    std::vector<CardReaderEvent> events;
    for (const auto& frame : *frames) {
        switch (frame.command) {
            case card_mechanism::evt_inserted: events.push_back(CardReaderEvent::inserted); break;
            case card_mechanism::evt_taken: events.push_back(CardReaderEvent::taken); break;
            case card_mechanism::evt_jammed: events.push_back(CardReaderEvent::jammed); break;
            default: break;  // newer firmware may report more; unknown events are not errors
        }
    }
    return events;
}

Result<RawTracks> MechanismCardReader::read_tracks() {
    auto reply = call(card_mechanism::cmd_read_tracks, "read tracks");
    if (!reply) return reply.error();
    const SecureBytes b(std::move(*reply));  // the reply is track data: the plain Bytes is wiped now
    // len1, track1, len2, track2 — every length checked before it is used.
    if (b.empty()) return make_error(device_name, "track reply is empty");
    const std::size_t len1 = b[0];
    if (b.size() < 1 + len1 + 1) return make_error(device_name, "track reply truncated in track 1");
    const std::size_t len2 = b[1 + len1];
    if (b.size() != 2 + len1 + len2) {
        return make_error(device_name, "track reply length " + std::to_string(b.size()) +
                                           " does not match its track lengths");
    }
    RawTracks tracks;
    tracks.track1 = secure_text_of(b.view().subspan(1, len1));
    tracks.track2 = secure_text_of(b.view().subspan(2 + len1));
    return tracks;
}

Status MechanismCardReader::eject() {
    auto body = call(card_mechanism::cmd_eject, "eject");
    if (!body) return body.error();
    return ok_status();
}

Result<CaptureBin> MechanismCardReader::retain() {
    auto body = call(card_mechanism::cmd_retain, "retain");
    if (!body) return body.error();
    if (body->size() != 4) {
        return make_error(device_name, "retain reply has " + std::to_string(body->size()) +
                                           " bytes, expected 4");
    }
    return CaptureBin{read_u16(*body, 0), read_u16(*body, 2)};
}

Status MechanismCardReader::reset() {
    auto body = call(card_mechanism::cmd_reset, "reset");
    if (!body) return body.error();
    return ok_status();
}

CardReaderStatus MechanismCardReader::status() {
    auto body = call(card_mechanism::cmd_status, "status");
    if (!body) return {unreachable_status(body.error()), CardMediaState::unknown, {}};
    const Bytes& b = *body;
    if (b.size() != card_mechanism::status_body_size) {
        return {DeviceStatus{DeviceState::hardwareError,
                             DeviceError{ErrorType::software, RecommendedAction::softwareError,
                                         "status reply has " + std::to_string(b.size()) +
                                             " bytes, expected 7"}},
                CardMediaState::unknown, {}};
    }
    auto state = device_state_from_byte(b[0]);
    auto fault = reply_code_from_byte(b[6]);
    if (!state || b[1] > static_cast<std::uint8_t>(CardMediaState::latched) || !fault) {
        return {DeviceStatus{DeviceState::hardwareError,
                             DeviceError{ErrorType::software, RecommendedAction::softwareError,
                                         "status reply holds an unknown state, media or fault"}},
                CardMediaState::unknown, {}};
    }
    CardReaderStatus result;
    result.device.state = *state;
    if (*state != DeviceState::online) result.device.error = error_for(*state, *fault);
    result.media = static_cast<CardMediaState>(b[1]);
    result.bin = CaptureBin{read_u16(b, 2), read_u16(b, 4)};
    return result;
}

}  // namespace kiosk::drivers
