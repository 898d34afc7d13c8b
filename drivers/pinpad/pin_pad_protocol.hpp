// Command and event codes of the encrypting PIN pad, carried in frames (frame.hpp).
// The data layouts are in docs/devices.md, "PIN pad".
#pragma once

#include <cstddef>
#include <cstdint>

namespace kiosk::drivers::pin_pad_protocol {

// Host → pad. Reply code = command | 0x80; reply data = ReplyCode, then the body below.
inline constexpr std::uint8_t cmd_status = 0x20;         // body: state, entry state, digits, last fault
inline constexpr std::uint8_t cmd_begin_entry = 0x21;    // data: min, max, PAN length, PAN (ASCII)
inline constexpr std::uint8_t cmd_get_pin_block = 0x22;  // body: 16-byte format-4 PIN block
inline constexpr std::uint8_t cmd_cancel_entry = 0x23;

// Pad → host, unsolicited.
inline constexpr std::uint8_t evt_key = 0xE0;             // data: key code, digits entered
inline constexpr std::uint8_t evt_entry_complete = 0xE1;  // data: digits entered
inline constexpr std::uint8_t evt_entry_cancelled = 0xE2; // data: digits entered

inline constexpr std::size_t status_body_size = 4;

}  // namespace kiosk::drivers::pin_pad_protocol
