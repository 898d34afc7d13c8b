// The framed command set shared by the card-reader mechanism and the PIN pad:
//   STX | LEN (2 bytes, big-endian: CMD + DATA) | CMD | DATA | ETX | LRC (XOR of LEN … ETX).
// docs/devices.md, "Frame format", documents the command codes that ride on it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "common/bytes.hpp"
#include "common/result.hpp"

namespace kiosk::drivers {

inline constexpr std::uint8_t frame_stx = 0x02;
inline constexpr std::uint8_t frame_etx = 0x03;
inline constexpr std::size_t frame_max_data = 512;
// STX + LEN(2) + CMD + ETX + LRC around the data.
inline constexpr std::size_t frame_overhead = 6;

// Command codes 0x10–0x5F go host → device; the device answers command c with c | 0x80 and its
// data starts with a ReplyCode; codes 0xE0–0xFF are unsolicited events from the device.
inline constexpr std::uint8_t reply_bit = 0x80;
inline constexpr std::uint8_t first_event_code = 0xE0;

constexpr std::uint8_t reply_code_for(std::uint8_t command) {
    return static_cast<std::uint8_t>(command | reply_bit);
}
constexpr bool is_event_code(std::uint8_t code) { return code >= first_event_code; }

struct Frame {
    std::uint8_t command = 0;
    Bytes data;

    friend bool operator==(const Frame&, const Frame&) = default;
};

// Why a run of bytes is not a frame; carried in Error::native_code with domain "frame".
enum class FrameError : std::uint8_t {
    dataTooLong = 1,  // encoder: more than frame_max_data bytes
    noiseBeforeStx,   // parser: bytes that do not start a frame were skipped
    badLength,        // LEN is 0 or larger than 1 + frame_max_data
    missingEtx,       // the byte after DATA is not ETX
    badLrc,           // the checksum does not match
};

inline constexpr std::string_view frame_error_domain = "frame";

std::string_view to_string(FrameError error);

// nullopt when `error` did not come from the frame codec.
std::optional<FrameError> frame_error_of(const Error& error);

// XOR of every byte of `bytes`.
std::uint8_t lrc_of(ByteView bytes);

Result<Bytes> encode_frame(std::uint8_t command, ByteView data);
Result<Bytes> encode_frame(const Frame& frame);

}  // namespace kiosk::drivers
