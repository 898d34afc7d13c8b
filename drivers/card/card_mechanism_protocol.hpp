// Command and event codes of the motorised card-reader mechanism, carried in frames (frame.hpp).
// The reply layouts are in docs/devices.md, "Card reader mechanism".
#pragma once

#include <cstdint>

namespace kiosk::drivers::card_mechanism {

// Host → reader. Reply code = command | 0x80; reply data = ReplyCode, then the body below.
inline constexpr std::uint8_t cmd_status = 0x10;       // body: state, media, bin count(2), bin capacity(2), last fault
inline constexpr std::uint8_t cmd_enable = 0x11;       // data: 1 = open shutter, 0 = close
inline constexpr std::uint8_t cmd_read_tracks = 0x12;  // body: len1, track1, len2, track2
inline constexpr std::uint8_t cmd_eject = 0x13;
inline constexpr std::uint8_t cmd_retain = 0x14;       // body: bin count(2), bin capacity(2)
inline constexpr std::uint8_t cmd_reset = 0x15;

// Reader → host, unsolicited, no data.
inline constexpr std::uint8_t evt_inserted = 0xE0;
inline constexpr std::uint8_t evt_taken = 0xE1;
inline constexpr std::uint8_t evt_jammed = 0xE2;

inline constexpr std::size_t status_body_size = 7;

}  // namespace kiosk::drivers::card_mechanism
