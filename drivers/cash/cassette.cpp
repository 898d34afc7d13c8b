// Names of cassette states.
#include "drivers/cash/cassette.hpp"

namespace kiosk::drivers {

std::string_view to_string(CassetteState state) {
    switch (state) {
        case CassetteState::ok: return "ok";
        case CassetteState::low: return "low";
        case CassetteState::empty: return "empty";
        case CassetteState::inoperative: return "inoperative";
        case CassetteState::missing: return "missing";
        case CassetteState::notConfigured: return "notConfigured";
        case CassetteState::manipulated: return "manipulated";
    }
    return "unknown";
}

}  // namespace kiosk::drivers
