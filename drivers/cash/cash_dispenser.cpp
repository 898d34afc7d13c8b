// Names of dispenser, shutter and event values.
#include "drivers/cash/cash_dispenser.hpp"

namespace kiosk::drivers {

std::string_view to_string(DispenserState state) {
    switch (state) {
        case DispenserState::ok: return "ok";
        case DispenserState::attention: return "attention";
        case DispenserState::stop: return "stop";
    }
    return "unknown";
}

std::string_view to_string(ShutterState state) {
    switch (state) {
        case ShutterState::closed: return "closed";
        case ShutterState::open: return "open";
        case ShutterState::jammed: return "jammed";
    }
    return "unknown";
}

std::string_view to_string(CashDispenserEvent event) {
    switch (event) {
        case CashDispenserEvent::itemsTaken: return "itemsTaken";
        case CashDispenserEvent::cashUnitThreshold: return "cashUnitThreshold";
    }
    return "unknown";
}

}  // namespace kiosk::drivers
