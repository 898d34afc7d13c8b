// ChipChannel: the card reader's contact-chip path — power the chip (ATR), exchange APDUs, power
// it off. PcscChipChannel reaches a real reader through pcsc-lite; sim/devices' SimChipChannel
// reaches a simulated card. A missing reader, a mute or removed card comes back as an Error whose
// ChipFailure maps to a device state — never a crash, never a hang past the timeout.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/bytes.hpp"
#include "common/clock.hpp"
#include "common/result.hpp"
#include "drivers/device_status.hpp"

namespace kiosk::drivers::chip {

// Carried in Error::native_code with domain "chip".
enum class ChipFailure : std::uint8_t {
    noCard = 1,        // nothing in the reader (or not in time)
    cardRemoved,       // the card left while powered: the session must end
    mute,              // no ATR or no answer in time: dead or unreadable chip
    notPowered,        // transmit before power_on, or after power_off
    readerUnavailable, // the reader vanished or was never there
    serviceUnavailable,// the PC/SC service (pcscd) is not running
    protocolError,     // a malformed response or a protocol the card does not speak
    sharingViolation,  // another program holds the card
    hardware,          // anything else the reader reports
};

inline constexpr std::string_view chip_error_domain = "chip";

std::string_view to_string(ChipFailure failure);
Error chip_error(ChipFailure failure, std::string message);
std::optional<ChipFailure> chip_failure_of(const Error& error);

// What a technician should see for a failure: a removed card or a mute chip is the customer's
// (userError, action clear), no reader is noDevice, no pcscd is offline, the rest hardwareError.
DeviceStatus chip_device_status(ChipFailure failure, std::string description);

enum class ChipPower : std::uint8_t { off, on };

class ChipChannel {
public:
    virtual ~ChipChannel() = default;

    // Waits up to `timeout` for a card, powers (or resets) it and returns its ATR.
    virtual Result<Bytes> power_on(Millis timeout) = 0;

    // Sends one command APDU and returns the raw response (data + SW1 SW2). The chip must be on.
    virtual Result<Bytes> transmit(ByteView command, Millis timeout) = 0;

    // Powers the chip down; harmless when it is already off or the card is gone.
    virtual Status power_off() = 0;

    [[nodiscard]] virtual ChipPower power() const = 0;

    // Always answers: the state after the last operation (online, or the failure's state).
    [[nodiscard]] virtual DeviceStatus status() const = 0;
};

}  // namespace kiosk::drivers::chip
