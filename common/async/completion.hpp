// Completion: the one answer every request gets, after XFS4IoT's command/completion model
// (shared/design/protocols.md): a request id, a completion code from the XFS4IoT set, a message in
// words when it did not succeed, and the typed payload when it did.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "common/result.hpp"

namespace kiosk {

using RequestId = std::uint64_t;

enum class CompletionCode : std::uint8_t {
    success,
    canceled,            // Cancel(request id) before it finished, or abandoned by the caller
    timeOut,             // no answer by the request's deadline: the device or link is marked in error
    deviceNotReady,      // the device is absent, powered off or disconnected
    hardwareError,       // the device tried and failed (jam, short pick, paper out)
    userError,           // the customer did something the device refused
    fraudAttempt,        // tamper or skimming detected by the device
    unsupportedCommand,  // this device cannot do that
    invalidData,         // the command's data, or the device's reply, was malformed
    sequenceError,       // the command is not valid in the device's current state
};

std::string_view to_string(CompletionCode code);

// How a driver's or link's failure reads as a completion code: timeouts and vanished devices are
// recognised by the transports' shared errors (drivers/transport.hpp); a reply the driver could not
// parse is invalidData; anything else the device reported is a hardware error.
CompletionCode completion_code_of(const Error& error);

// Payload-free answers (eject, print, enable) complete with Done, not void, so one template serves all.
struct Done {
    friend bool operator==(Done, Done) = default;
};

template <class Payload>
struct Completion {
    RequestId id = 0;
    CompletionCode code = CompletionCode::success;
    std::string message;              // empty on success
    std::optional<Payload> payload;   // set exactly when code == success

    [[nodiscard]] bool ok() const { return code == CompletionCode::success; }
    // "timeOut: dispenser (dispense) gave no answer within 60000 ms" and the like, for notes.
    [[nodiscard]] std::string describe() const {
        return message.empty() ? std::string(to_string(code)) : std::string(to_string(code)) + ": " + message;
    }
};

}  // namespace kiosk
