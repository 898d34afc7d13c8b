// Fuzzes the PIN-pad event decoder (drivers/pinpad/pin_pad_event_decoder.hpp) with any event code
// and data in any entry mode. Invariants: no crash; a digit value comes out only for a digit key in
// data mode and is '0'–'9' — never in a PIN mode, whatever the pad sends; an accepted event says
// what its bytes said; a refusal is a "pin pad" malformed-event error.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "drivers/pinpad/pin_pad_event_decoder.hpp"
#include "drivers/pinpad/pin_pad_protocol.hpp"
#include "fuzz_check.hpp"

namespace {

using kiosk::drivers::EntryMode;
using kiosk::drivers::PinKey;
using kiosk::drivers::PinPadEvent;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    // Byte 0: the mode the driver is in (0–3); byte 1: the event code; the rest: its data.
    const auto mode = static_cast<EntryMode>(data[0] % 4);
    kiosk::drivers::Frame frame;
    frame.command = data[1];
    frame.data.assign(data + 2, data + size);

    const auto decoded = kiosk::drivers::decode_pin_pad_event(frame, mode);
    if (!decoded.ok()) {
        FUZZ_CHECK(decoded.error().domain == "pin pad");
        FUZZ_CHECK(std::string_view(decoded.error().message).starts_with("malformed event: "));
        return 0;
    }
    if (!decoded.value().has_value()) {  // skipped: only codes the driver does not know
        FUZZ_CHECK(frame.command != kiosk::drivers::pin_pad_protocol::evt_key);
        FUZZ_CHECK(frame.command < kiosk::drivers::pin_pad_protocol::evt_entry_complete ||
                   frame.command > kiosk::drivers::pin_pad_protocol::evt_entry_mismatch);
        return 0;
    }
    const PinPadEvent& event = *decoded.value();
    FUZZ_CHECK(!frame.data.empty());
    if (event.digit.has_value()) {
        FUZZ_CHECK(mode == EntryMode::data);  // the hard rule: never a digit in a PIN mode
        FUZZ_CHECK(event.kind == PinPadEvent::Kind::keyPressed && event.key == PinKey::digit);
        FUZZ_CHECK(*event.digit >= '0' && *event.digit <= '9');
        FUZZ_CHECK(frame.data.size() == 3 && static_cast<char>(frame.data[2]) == *event.digit);
    } else if (mode == EntryMode::data && event.kind == PinPadEvent::Kind::keyPressed) {
        FUZZ_CHECK(event.key != PinKey::digit);  // a data-mode digit always carries its value
    }
    if (event.kind == PinPadEvent::Kind::keyPressed) {
        FUZZ_CHECK(frame.command == kiosk::drivers::pin_pad_protocol::evt_key);
        FUZZ_CHECK(frame.data[0] == static_cast<std::uint8_t>(event.key) && frame.data[1] == event.digits_entered);
    } else {
        FUZZ_CHECK(frame.data.size() == 1 && frame.data[0] == event.digits_entered);
        FUZZ_CHECK(event.kind != PinPadEvent::Kind::entryMismatch || mode == EntryMode::confirm_new_pin);
    }
    return 0;
}
