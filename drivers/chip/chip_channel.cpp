// Chip failures and their device states (see chip_channel.hpp).
#include "drivers/chip/chip_channel.hpp"

namespace kiosk::drivers::chip {

std::string_view to_string(ChipFailure failure) {
    switch (failure) {
        case ChipFailure::noCard: return "noCard";
        case ChipFailure::cardRemoved: return "cardRemoved";
        case ChipFailure::mute: return "mute";
        case ChipFailure::notPowered: return "notPowered";
        case ChipFailure::readerUnavailable: return "readerUnavailable";
        case ChipFailure::serviceUnavailable: return "serviceUnavailable";
        case ChipFailure::protocolError: return "protocolError";
        case ChipFailure::sharingViolation: return "sharingViolation";
        case ChipFailure::hardware: return "hardware";
    }
    return "unknown";
}

Error chip_error(ChipFailure failure, std::string message) {
    return make_error(std::string(chip_error_domain), std::move(message), static_cast<int>(failure));
}

std::optional<ChipFailure> chip_failure_of(const Error& error) {
    if (error.domain != chip_error_domain) return std::nullopt;
    if (error.native_code < 1 || error.native_code > static_cast<int>(ChipFailure::hardware)) return std::nullopt;
    return static_cast<ChipFailure>(error.native_code);
}

DeviceStatus chip_device_status(ChipFailure failure, std::string description) {
    switch (failure) {
        case ChipFailure::noCard:
        case ChipFailure::cardRemoved:
        case ChipFailure::mute:
        case ChipFailure::protocolError:
            // The card, not the reader, is at fault: the reader stays usable for the next card.
            return {DeviceState::userError, DeviceError{ErrorType::user, RecommendedAction::clear, std::move(description)}};
        case ChipFailure::notPowered:
            return {DeviceState::userError,
                    DeviceError{ErrorType::software, RecommendedAction::softwareError, std::move(description)}};
        case ChipFailure::readerUnavailable:
            return {DeviceState::noDevice,
                    DeviceError{ErrorType::hardware, RecommendedAction::configuration, std::move(description)}};
        case ChipFailure::serviceUnavailable:
            return {DeviceState::offline, DeviceError{ErrorType::software, RecommendedAction::reset, std::move(description)}};
        case ChipFailure::sharingViolation:
            return {DeviceState::deviceBusy, DeviceError{ErrorType::software, RecommendedAction::reset, std::move(description)}};
        case ChipFailure::hardware:
            break;
    }
    return {DeviceState::hardwareError, DeviceError{ErrorType::hardware, RecommendedAction::reset, std::move(description)}};
}

}  // namespace kiosk::drivers::chip
