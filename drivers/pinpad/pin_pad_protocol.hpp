// Command and event codes of the encrypting PIN pad, carried in frames (frame.hpp).
// The data layouts are in docs/devices.md, "PIN pad".
#pragma once

#include <cstddef>
#include <cstdint>

namespace kiosk::drivers::pin_pad_protocol {

// Host → pad. Reply code = command | 0x80; reply data = ReplyCode, then the body below.
inline constexpr std::uint8_t cmd_status = 0x20;         // body: state, entry state, digits, last fault
// data: mode (EntryMode), min, max, PAN length, PAN (ASCII; length 0 in data and navigation mode).
// The mode byte leads and its values 0–3 are all below the smallest PIN minimum (4), so a pad of
// the older layout (min, max, PAN length, PAN) refuses a new frame as badParameter and a new pad
// refuses an old one the same way: neither misreads the other. Navigation (4, 0, 0, 0) reads as
// min 4 > max 0 there: refused too.
inline constexpr std::uint8_t cmd_begin_entry = 0x21;
inline constexpr std::uint8_t cmd_get_pin_block = 0x22;  // body: 16-byte format-4 PIN block
inline constexpr std::uint8_t cmd_cancel_entry = 0x23;

// Pad → host, unsolicited.
// data: key code, digits entered; in data and navigation mode a digit key adds a third byte, the
// ASCII digit (never in a PIN mode).
inline constexpr std::uint8_t evt_key = 0xE0;
inline constexpr std::uint8_t evt_entry_complete = 0xE1;  // data: digits entered
inline constexpr std::uint8_t evt_entry_cancelled = 0xE2; // data: digits entered
inline constexpr std::uint8_t evt_entry_mismatch = 0xE3;  // data: digits entered (confirm_new_pin)

inline constexpr std::size_t status_body_size = 4;
inline constexpr std::size_t begin_entry_header_size = 4;  // mode, min, max, PAN length

}  // namespace kiosk::drivers::pin_pad_protocol
