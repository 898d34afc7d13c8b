// PinPad: the kiosk's view of an encrypting PIN pad (after XFS4IoT Keyboard/PinPad). Key events
// never carry digits — only that a digit was pressed — and the PIN leaves the pad solely as an
// ISO 9564 format-4 PIN block enciphered under the pad's PIN key.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/bytes.hpp"
#include "common/result.hpp"
#include "drivers/device_status.hpp"

namespace kiosk::drivers {

enum class PinKey : std::uint8_t {
    digit = 0x01,  // some digit; which one is never reported
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
};

enum class PinEntryState : std::uint8_t {
    idle,      // no entry running
    entering,  // digits being typed
    complete,  // ENTER accepted; the PIN block can be taken
};

struct PinPadEvent {
    enum class Kind : std::uint8_t {
        keyPressed,      // `key` was pressed
        entryComplete,   // ENTER accepted with at least min_length digits
        entryCancelled,  // CANCEL pressed during entry
    };
    Kind kind = Kind::keyPressed;
    PinKey key = PinKey::digit;
    std::uint8_t digits_entered = 0;  // how many, for the masked display

    friend bool operator==(const PinPadEvent&, const PinPadEvent&) = default;
};

struct PinEntryRequest {
    std::uint8_t min_length = 4;   // ISO 9564: 4–12 digits
    std::uint8_t max_length = 12;
    std::string pan;               // for the format-4 PAN field; in memory only
};

struct PinPadStatus {
    DeviceStatus device;
    PinEntryState entry = PinEntryState::idle;
    std::uint8_t digits_entered = 0;
};

inline constexpr std::size_t pin_block_size = 16;

std::string_view to_string(PinKey key);
std::string_view to_string(PinEntryState state);
std::optional<PinKey> pin_key_from_byte(std::uint8_t value);

// Checks a request before it goes to the pad: 4 ≤ min ≤ max ≤ 12, PAN 1–19 digits.
Status validate(const PinEntryRequest& request);

class PinPad {
public:
    virtual ~PinPad() = default;

    // Starts a PIN entry; digits typed before this are not part of the PIN.
    virtual Status begin_pin_entry(const PinEntryRequest& request) = 0;

    // Key and entry events since the last poll; does not wait.
    virtual Result<std::vector<PinPadEvent>> poll() = 0;

    // The 16-byte ISO 9564 format-4 PIN block of the completed entry. The pad forgets the PIN.
    virtual Result<Bytes> get_pin_block() = 0;

    // Abandons the running entry; the pad forgets the digits typed.
    virtual Status cancel_entry() = 0;

    // Always answers: a pad that does not reply is reported offline.
    virtual PinPadStatus status() = 0;
};

}  // namespace kiosk::drivers
