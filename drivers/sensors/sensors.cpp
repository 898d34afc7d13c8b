// Sensor names and what the readings mean for the terminal's status.
#include "drivers/sensors/sensors.hpp"

namespace kiosk::drivers {

std::string_view to_string(Sensor sensor) {
    switch (sensor) {
        case Sensor::safeDoor: return "safeDoor";
        case Sensor::tamper: return "tamper";
        case Sensor::operatorKey: return "operatorKey";
        case Sensor::proximity: return "proximity";
        case Sensor::headset: return "headset";
    }
    return "unknown";
}

DeviceStatus sensors_device_status(const SensorReadings& r) {
    if (r.tampered) {
        return {DeviceState::fraudAttempt,
                DeviceError{ErrorType::fraudAttempt, RecommendedAction::suspend, "tamper switch tripped"}};
    }
    if (r.safe_door_open && !r.operator_key_maintenance) {
        return {DeviceState::potentialFraud,
                DeviceError{ErrorType::fraudAttempt, RecommendedAction::suspend,
                            "safe door open without the operator key"}};
    }
    return {DeviceState::online, std::nullopt};
}

}  // namespace kiosk::drivers
