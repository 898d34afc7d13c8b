// Sensors: the kiosk's door, tamper, operator-key, proximity and headset-jack inputs (after XFS4IoT
// Auxiliaries).
// The runtime polls for changes each tick; the tamper input latches until a technician clears it.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "drivers/device_status.hpp"

namespace kiosk::drivers {

enum class Sensor : std::uint8_t {
    safeDoor = 1,     // active = open
    tamper = 2,       // active = tamper switch tripped (latched)
    operatorKey = 3,  // active = key turned to maintenance
    proximity = 4,    // active = a person stands in front of the kiosk
    headset = 5,      // active = headphones plugged into the audio jack (speech guidance starts)
};

struct SensorReadings {
    bool safe_door_open = false;
    bool tampered = false;
    bool operator_key_maintenance = false;
    bool person_present = false;
    bool headset_plugged = false;  // a board without the jack (4-byte read reply) reports false

    friend bool operator==(const SensorReadings&, const SensorReadings&) = default;
};

struct SensorChange {
    Sensor sensor = Sensor::safeDoor;
    bool active = false;

    friend bool operator==(const SensorChange&, const SensorChange&) = default;
};

std::string_view to_string(Sensor sensor);

// What the readings mean for the terminal: a tripped tamper switch is a fraud attempt; an open
// safe door without the operator key is potential fraud; otherwise online.
DeviceStatus sensors_device_status(const SensorReadings& readings);

class Sensors {
public:
    virtual ~Sensors() = default;
    virtual Result<SensorReadings> read() = 0;
    virtual Result<std::vector<SensorChange>> poll() = 0;
    // Resets the tamper latch (technician, after inspection); fails while the switch is still open.
    virtual Status clear_tamper() = 0;
};

}  // namespace kiosk::drivers
