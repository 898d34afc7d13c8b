// One logical APDU exchange over a ChipChannel, with the transport-level status words handled the
// way ISO 7816-4 and EMV Book 1 §9.3 ask: 61xx → GET RESPONSE for the rest (repeated, bounded),
// 6Cxx → resend the same command once with Le = xx. What is left is the card's real answer.
#pragma once

#include "common/clock.hpp"
#include "common/result.hpp"
#include "drivers/chip/apdu.hpp"
#include "drivers/chip/chip_channel.hpp"

namespace kiosk::drivers::chip {

// A card that keeps answering 61xx past this many GET RESPONSEs is treated as broken.
inline constexpr int max_get_response_rounds = 32;

// Channel errors pass through unchanged (domain "chip"); a response that is not a valid R-APDU
// becomes ChipFailure::protocolError naming what was wrong. Each transmit gets `timeout`.
Result<ResponseApdu> exchange_apdu(ChipChannel& channel, const CommandApdu& command, Millis timeout);

}  // namespace kiosk::drivers::chip
