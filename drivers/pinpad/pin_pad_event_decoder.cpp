// decode_pin_pad_event: the byte layouts of docs/devices.md, "PIN pad", checked strictly.
#include "drivers/pinpad/pin_pad_event_decoder.hpp"

#include <string>

#include "drivers/pinpad/pin_pad_protocol.hpp"

namespace kiosk::drivers {
namespace {

constexpr const char* device_name = "pin pad";

Error malformed(const std::string& what) { return make_error(device_name, "malformed event: " + what); }

Result<std::optional<PinPadEvent>> decode_key(const Bytes& d, EntryMode mode) {
    if (d.size() != 2 && d.size() != 3) {
        return malformed("key event has " + std::to_string(d.size()) + " data bytes, expected 2 or 3");
    }
    auto key = pin_key_from_byte(d[0]);
    if (!key) return malformed("key event names an unknown key");
    PinPadEvent event{PinPadEvent::Kind::keyPressed, *key, d[1]};
    const bool digit_key = *key == PinKey::digit;
    if (d.size() == 3) {
        // The value byte is never quoted: in a PIN mode it would be a PIN digit.
        if (is_pin_mode(mode)) {
            return malformed("key event carries a digit value in " + std::string(to_string(mode)) +
                             " mode, where digits never leave the pad");
        }
        if (!digit_key) return malformed("key event carries a value for a key that is not a digit");
        if (d[2] < '0' || d[2] > '9') return malformed("data-mode digit value is not an ASCII digit");
        event.digit = static_cast<char>(d[2]);
    } else if (digit_key && reports_digits(mode)) {
        return malformed(std::string(to_string(mode)) + "-mode digit key event lacks the digit value");
    }
    return std::optional<PinPadEvent>(event);
}

}  // namespace

Result<std::optional<PinPadEvent>> decode_pin_pad_event(const Frame& frame, EntryMode mode) {
    const Bytes& d = frame.data;
    PinPadEvent::Kind kind = PinPadEvent::Kind::entryComplete;
    PinKey key = PinKey::enter;
    switch (frame.command) {
        case pin_pad_protocol::evt_key: return decode_key(d, mode);
        case pin_pad_protocol::evt_entry_complete: break;
        case pin_pad_protocol::evt_entry_cancelled:
            kind = PinPadEvent::Kind::entryCancelled;
            key = PinKey::cancel;
            break;
        case pin_pad_protocol::evt_entry_mismatch:
            if (mode != EntryMode::confirm_new_pin) {
                return malformed("entry mismatch event outside a confirm_new_pin entry");
            }
            kind = PinPadEvent::Kind::entryMismatch;
            break;
        default: return std::optional<PinPadEvent>();  // unknown events from newer firmware
    }
    if (d.size() != 1) {
        return malformed("entry event has " + std::to_string(d.size()) + " data bytes, expected 1");
    }
    return std::optional<PinPadEvent>(PinPadEvent{kind, key, d[0]});
}

}  // namespace kiosk::drivers
