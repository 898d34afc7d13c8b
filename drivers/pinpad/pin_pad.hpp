// PinPad: the kiosk's view of an encrypting PIN pad (after XFS4IoT Keyboard/PinPad). In the PIN
// modes key events never carry digits — only that a digit was pressed — and the PIN leaves the pad
// solely as an ISO 9564 format-4 PIN block enciphered under the pad's PIN key. Only the clear data
// mode (XFS4IoT Keyboard.DataEntry: amounts, phone numbers, one-time codes) reports digit values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/bytes.hpp"
#include "common/result.hpp"
#include "drivers/device_status.hpp"

namespace kiosk::drivers {

enum class PinKey : std::uint8_t {
    digit = 0x01,  // some digit; which one is reported only in EntryMode::data
    clear = 0x02,
    backspace = 0x03,
    cancel = 0x04,
    enter = 0x05,
    f1 = 0x11,
    f2 = 0x12,
    f3 = 0x13,
    f4 = 0x14,
    f5 = 0x15,
    f6 = 0x16,
    f7 = 0x17,
    f8 = 0x18,
    // The audio keys: the three keys of the pad's audio strip beside its headset jack (EPPs for
    // audio guidance carry them; a pad without them never sends these codes). docs/ui.md § Speech.
    audio_repeat = 0x21,       // "↺": say the screen again
    audio_volume_up = 0x22,    // "+"
    audio_volume_down = 0x23,  // "−"
};

enum class PinEntryState : std::uint8_t {
    idle,      // no entry running
    entering,  // digits being typed
    complete,  // ENTER accepted in pin or confirm_new_pin mode; the PIN block can be taken
};

enum class EntryMode : std::uint8_t {
    pin = 0,              // today's behaviour: digits never leave the pad, PIN block in format 4
    new_pin = 1,          // a new PIN: like pin, and the pad also keeps it for the confirmation entry
    confirm_new_pin = 2,  // the new PIN again: on ENTER the pad compares with the kept one inside itself
    data = 3,             // clear digits (amounts, phone numbers, one-time codes): key events carry the digit
    // No entry: the customer chooses on screen with the pad's keys (function keys beside the
    // screen, digits as the n-th button, Enter, Cancel). Every key is reported, a digit with its
    // value — the kiosk asks for it only where no PIN is being typed. Nothing is collected; Enter
    // and Cancel end nothing. Lengths and PAN are empty (0, 0, none).
    navigation = 4,
};

// pin, new_pin and confirm_new_pin: the PIN never leaves the pad in clear.
constexpr bool is_pin_mode(EntryMode mode) {
    return mode == EntryMode::pin || mode == EntryMode::new_pin || mode == EntryMode::confirm_new_pin;
}
// The modes whose key events carry the digit pressed.
constexpr bool reports_digits(EntryMode mode) { return mode == EntryMode::data || mode == EntryMode::navigation; }

// PinPadEvent and PinEntryRequest have constructors rather than being aggregates: g++ 12's
// -Wmissing-field-initializers fires on brace lists that leave a trailing member to its default,
// and the brace lists written before `digit` and `mode` existed must stay warning-free.
struct PinPadEvent {
    enum class Kind : std::uint8_t {
        keyPressed,      // `key` was pressed
        entryComplete,   // ENTER accepted with at least min_length digits
        entryCancelled,  // CANCEL pressed during entry
        entryMismatch,   // confirm_new_pin: the two new PINs differ; the pad forgot both, is idle
    };
    Kind kind = Kind::keyPressed;
    PinKey key = PinKey::digit;
    std::uint8_t digits_entered = 0;  // how many, for the masked display
    // '0'–'9' for a digit key in EntryMode::data only; never set in a PIN mode — the driver refuses
    // a pad that sends one rather than pass a PIN digit up.
    std::optional<char> digit;

    PinPadEvent() = default;
    PinPadEvent(Kind kind_, PinKey key_, std::uint8_t digits_entered_,
                std::optional<char> digit_ = std::nullopt)
        : kind(kind_), key(key_), digits_entered(digits_entered_), digit(digit_) {}

    friend bool operator==(const PinPadEvent&, const PinPadEvent&) = default;
};

struct PinEntryRequest {
    std::uint8_t min_length = 4;   // PIN modes, ISO 9564: 4–12 digits; data mode: 1–19; navigation: 0
    std::uint8_t max_length = 12;
    std::string pan;               // PIN modes: for the format-4 PAN field, in memory only; data: empty
    EntryMode mode = EntryMode::pin;

    PinEntryRequest() = default;
    PinEntryRequest(std::uint8_t min_length_, std::uint8_t max_length_, std::string pan_,
                    EntryMode mode_ = EntryMode::pin)
        : min_length(min_length_), max_length(max_length_), pan(std::move(pan_)), mode(mode_) {}
};

struct PinPadStatus {
    DeviceStatus device;
    PinEntryState entry = PinEntryState::idle;
    std::uint8_t digits_entered = 0;
};

inline constexpr std::size_t pin_block_size = 16;

std::string_view to_string(PinKey key);
std::string_view to_string(PinEntryState state);
std::string_view to_string(EntryMode mode);
std::optional<PinKey> pin_key_from_byte(std::uint8_t value);

// Checks a request before it goes to the pad. PIN modes: 4 ≤ min ≤ max ≤ 12, PAN 1–19 digits.
// Data mode: 1 ≤ min ≤ max ≤ 19 and no PAN at all, so card data never travels without a need.
Status validate(const PinEntryRequest& request);

class PinPad {
public:
    virtual ~PinPad() = default;

    // Starts an entry in `request.mode`; digits typed before this are not part of it. The pad
    // forgets any earlier entry, and a kept new PIN too unless the mode is confirm_new_pin, which
    // the pad refuses (sequenceError) without a kept new PIN for the same PAN.
    virtual Status begin_pin_entry(const PinEntryRequest& request) = 0;

    // Key and entry events since the last poll; does not wait.
    virtual Result<std::vector<PinPadEvent>> poll() = 0;

    // The 16-byte ISO 9564 format-4 PIN block of the completed pin or confirm_new_pin entry (then
    // of the new PIN). The pad forgets the PIN. A sequenceError after new_pin (the kiosk goes
    // straight on to confirm_new_pin) and in data mode (the digits were in the key events).
    virtual Result<Bytes> get_pin_block() = 0;

    // Abandons the running entry; the pad forgets the digits typed and any kept new PIN.
    virtual Status cancel_entry() = 0;

    // Always answers: a pad that does not reply is reported offline.
    virtual PinPadStatus status() = 0;
};

}  // namespace kiosk::drivers
