// Command and event codes of the note dispenser, carried in frames (frame.hpp). Layouts are in
// docs/devices.md, "Cash dispenser". Multi-byte numbers are big-endian.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kiosk::drivers::cash_dispenser_protocol {

// Host → dispenser. Reply code = command | 0x80; reply data = ReplyCode, then the body.
inline constexpr std::uint8_t cmd_status = 0x30;
inline constexpr std::uint8_t cmd_dispense = 0x31;  // data: n, n × notes(2)
inline constexpr std::uint8_t cmd_present = 0x32;   // body: notes presented(2)
inline constexpr std::uint8_t cmd_retract = 0x33;   // body: notes retracted(2), reject count(2)
inline constexpr std::uint8_t cmd_reset = 0x34;
// data: n, n × count(4); body: n, n × count(4) — the counts now held (after XFS4IoT SetStorage).
inline constexpr std::uint8_t cmd_set_counts = 0x35;

// Dispenser → host, unsolicited.
inline constexpr std::uint8_t evt_items_taken = 0xE0;
inline constexpr std::uint8_t evt_cash_unit_threshold = 0xE1;  // data: cassette index

// STATUS body: state, shutter, stacker(2), output(2), reject(2), n, then n cassette records.
inline constexpr std::size_t status_header_size = 9;
// Cassette record: currency(3 ASCII), denomination(4), count(4), low threshold(4), state(1).
inline constexpr std::size_t cassette_record_size = 16;

}  // namespace kiosk::drivers::cash_dispenser_protocol
