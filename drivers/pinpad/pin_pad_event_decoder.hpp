// Reads one PIN-pad event frame (pin_pad_protocol.hpp) as a PinPadEvent, in the entry mode the
// driver last began. This is where the hard rule is kept: a key event with a digit value is
// accepted only in EntryMode::data or navigation and only as '0'–'9'; in a PIN mode it is a malformed reply, so
// a broken or hostile pad cannot make the kiosk hold a PIN digit.
#pragma once

#include <optional>

#include "common/result.hpp"
#include "drivers/frame/frame.hpp"
#include "drivers/pinpad/pin_pad.hpp"

namespace kiosk::drivers {

// nullopt for an event code this driver does not know (newer firmware: not an error). Errors name
// what was wrong and never quote a data byte (it could be a digit).
Result<std::optional<PinPadEvent>> decode_pin_pad_event(const Frame& frame, EntryMode mode);

}  // namespace kiosk::drivers
