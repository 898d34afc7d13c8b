// PC/SC (pcsc-lite) return codes in the kiosk's terms: the ChipFailure (and so the device state)
// for each SCARD_E_* / SCARD_W_* code, and an Error that keeps the code's name and value.
#pragma once

#include <string_view>

#include "common/result.hpp"
#include "drivers/chip/chip_channel.hpp"

namespace kiosk::drivers::chip {

// SCARD_W_REMOVED_CARD → cardRemoved, SCARD_E_TIMEOUT / SCARD_E_NO_SMARTCARD → noCard,
// SCARD_W_UNRESPONSIVE_CARD → mute, SCARD_E_NO_SERVICE → serviceUnavailable, unknown or vanished
// readers → readerUnavailable, …; codes the kiosk has no better answer for → hardware.
ChipFailure chip_failure_for_pcsc(long code);

// "<what>: SCARD_W_REMOVED_CARD (0x80100069)" with the failure above as native_code.
Error pcsc_error(long code, std::string_view what);

}  // namespace kiosk::drivers::chip
