// The first data byte of every framed reply: how the command went. Shared by the card-reader
// mechanism and the PIN pad; the names follow XFS4IoT's completion and error codes.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace kiosk::drivers {

enum class ReplyCode : std::uint8_t {
    ok = 0x00,
    unknownCommand = 0x01,
    badParameter = 0x02,
    sequenceError = 0x03,  // command not allowed now (e.g. PIN block before entry completed)
    noMedia = 0x10,
    invalidMedia = 0x11,   // stripe unreadable / mute
    mediaJam = 0x12,
    binFull = 0x13,
    occupied = 0x14,       // a card is already inside
    itemsLeft = 0x15,      // notes still in the stacker or the shutter (retract or take them first)
    cashUnitError = 0x16,  // a cassette ran empty or failed mid-dispense
    shutterFail = 0x17,
    tooManyItems = 0x18,   // more notes than one bundle may hold
    hardwareError = 0x20,
    keyNotLoaded = 0x21,
    cryptoError = 0x22,
};

std::string_view to_string(ReplyCode code);
std::optional<ReplyCode> reply_code_from_byte(std::uint8_t value);

}  // namespace kiosk::drivers

#include <string>

#include "common/result.hpp"

namespace kiosk::drivers {

// A device-side failure as an Error: domain = the device, message names the action and the
// code, native_code = the ReplyCode byte (link failures use native_code 0).
Error reply_error(const std::string& device, std::string_view action, ReplyCode code);

// The ReplyCode carried by an Error made by reply_error; nullopt for link or other errors.
std::optional<ReplyCode> reply_code_of(const Error& error);

}  // namespace kiosk::drivers
