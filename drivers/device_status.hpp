// The device status model shared by every driver, after CEN XFS4IoT's Common.Status: a device
// state plus, when something is wrong, what kind of error it is and what a technician should do.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace kiosk::drivers {

enum class DeviceState : std::uint8_t {
    online,
    offline,
    powerOff,
    noDevice,
    hardwareError,
    userError,
    deviceBusy,
    fraudAttempt,
    potentialFraud,
    starting,
};

enum class ErrorType : std::uint8_t { hardware, software, user, fraudAttempt };

enum class RecommendedAction : std::uint8_t {
    reset,
    softwareError,
    configuration,
    clear,
    maintenance,
    suspend,
};

struct DeviceError {
    ErrorType type = ErrorType::hardware;
    RecommendedAction action = RecommendedAction::reset;
    std::string description;

    friend bool operator==(const DeviceError&, const DeviceError&) = default;
};

struct DeviceStatus {
    DeviceState state = DeviceState::starting;
    std::optional<DeviceError> error;

    [[nodiscard]] bool usable() const { return state == DeviceState::online; }
    friend bool operator==(const DeviceStatus&, const DeviceStatus&) = default;
};

std::string_view to_string(DeviceState state);
std::string_view to_string(ErrorType type);
std::string_view to_string(RecommendedAction action);

// Decodes a state byte from a device's wire; nullopt for a value no state has.
std::optional<DeviceState> device_state_from_byte(std::uint8_t value);

// "hardwareError: hardware error, action reset: card jammed at the gate" — for technician screens.
std::string describe(const DeviceStatus& status);

// The status a driver reports when its device does not answer at all: noDevice when the link says
// the device is gone (check the cable / power: maintenance), offline otherwise (reset).
DeviceStatus unreachable_status(const Error& link_error);

}  // namespace kiosk::drivers
