// Names of the framed reply codes.
#include "drivers/frame/reply_code.hpp"

namespace kiosk::drivers {

std::string_view to_string(ReplyCode code) {
    switch (code) {
        case ReplyCode::ok: return "ok";
        case ReplyCode::unknownCommand: return "unknown command";
        case ReplyCode::badParameter: return "bad parameter";
        case ReplyCode::sequenceError: return "sequence error";
        case ReplyCode::noMedia: return "no media";
        case ReplyCode::invalidMedia: return "invalid media";
        case ReplyCode::mediaJam: return "media jam";
        case ReplyCode::binFull: return "capture bin full";
        case ReplyCode::occupied: return "occupied";
        case ReplyCode::itemsLeft: return "items left";
        case ReplyCode::cashUnitError: return "cash unit error";
        case ReplyCode::shutterFail: return "shutter failure";
        case ReplyCode::tooManyItems: return "too many items";
        case ReplyCode::hardwareError: return "hardware error";
        case ReplyCode::keyNotLoaded: return "key not loaded";
        case ReplyCode::cryptoError: return "crypto error";
    }
    return "unknown reply code";
}

std::optional<ReplyCode> reply_code_from_byte(std::uint8_t value) {
    switch (static_cast<ReplyCode>(value)) {
        case ReplyCode::ok:
        case ReplyCode::unknownCommand:
        case ReplyCode::badParameter:
        case ReplyCode::sequenceError:
        case ReplyCode::noMedia:
        case ReplyCode::invalidMedia:
        case ReplyCode::mediaJam:
        case ReplyCode::binFull:
        case ReplyCode::occupied:
        case ReplyCode::itemsLeft:
        case ReplyCode::cashUnitError:
        case ReplyCode::shutterFail:
        case ReplyCode::tooManyItems:
        case ReplyCode::hardwareError:
        case ReplyCode::keyNotLoaded:
        case ReplyCode::cryptoError:
            return static_cast<ReplyCode>(value);
    }
    return std::nullopt;
}

}  // namespace kiosk::drivers

namespace kiosk::drivers {

Error reply_error(const std::string& device, std::string_view action, ReplyCode code) {
    return make_error(device, std::string(action) + " failed: " + std::string(to_string(code)),
                      static_cast<int>(code));
}

std::optional<ReplyCode> reply_code_of(const Error& error) {
    if (error.native_code <= 0 || error.native_code > 0xFF) return std::nullopt;
    return reply_code_from_byte(static_cast<std::uint8_t>(error.native_code));
}

}  // namespace kiosk::drivers
