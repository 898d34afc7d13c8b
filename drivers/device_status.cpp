// Names of the XFS4IoT-style status values, and the technician's one-line description.
#include "drivers/device_status.hpp"

#include "drivers/transport.hpp"

namespace kiosk::drivers {

std::string_view to_string(DeviceState state) {
    switch (state) {
        case DeviceState::online: return "online";
        case DeviceState::offline: return "offline";
        case DeviceState::powerOff: return "powerOff";
        case DeviceState::noDevice: return "noDevice";
        case DeviceState::hardwareError: return "hardwareError";
        case DeviceState::userError: return "userError";
        case DeviceState::deviceBusy: return "deviceBusy";
        case DeviceState::fraudAttempt: return "fraudAttempt";
        case DeviceState::potentialFraud: return "potentialFraud";
        case DeviceState::starting: return "starting";
    }
    return "unknown";
}

std::string_view to_string(ErrorType type) {
    switch (type) {
        case ErrorType::hardware: return "hardware";
        case ErrorType::software: return "software";
        case ErrorType::user: return "user";
        case ErrorType::fraudAttempt: return "fraudAttempt";
    }
    return "unknown";
}

std::string_view to_string(RecommendedAction action) {
    switch (action) {
        case RecommendedAction::reset: return "reset";
        case RecommendedAction::softwareError: return "softwareError";
        case RecommendedAction::configuration: return "configuration";
        case RecommendedAction::clear: return "clear";
        case RecommendedAction::maintenance: return "maintenance";
        case RecommendedAction::suspend: return "suspend";
    }
    return "unknown";
}

std::optional<DeviceState> device_state_from_byte(std::uint8_t value) {
    if (value > static_cast<std::uint8_t>(DeviceState::starting)) return std::nullopt;
    return static_cast<DeviceState>(value);
}

std::string describe(const DeviceStatus& status) {
    std::string text(to_string(status.state));
    if (status.error) {
        text += ": ";
        text += to_string(status.error->type);
        text += " error, action ";
        text += to_string(status.error->action);
        if (!status.error->description.empty()) text += ": " + status.error->description;
    }
    return text;
}

DeviceStatus unreachable_status(const Error& link_error) {
    if (is_disconnected(link_error)) {
        return DeviceStatus{DeviceState::noDevice, DeviceError{ErrorType::hardware, RecommendedAction::maintenance,
                                                               link_error.domain + ": " + link_error.message}};
    }
    return DeviceStatus{DeviceState::offline,
                        DeviceError{ErrorType::hardware, RecommendedAction::reset, link_error.message}};
}

}  // namespace kiosk::drivers
