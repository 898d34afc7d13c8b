// Command and event codes of the sensor board, carried in frames (frame.hpp).
#pragma once

#include <cstdint>

namespace kiosk::drivers::sensors_protocol {

// body: door, tamper, key, proximity (0/1 each), then headset (0/1) on a board with the audio jack;
// a board without one sends the first four only.
inline constexpr std::uint8_t cmd_read = 0x40;
inline constexpr std::uint8_t cmd_clear_tamper = 0x41;  // sequenceError while the switch is open

inline constexpr std::uint8_t evt_changed = 0xE0;       // data: sensor (1-5, drivers::Sensor), value (0/1)

}  // namespace kiosk::drivers::sensors_protocol
