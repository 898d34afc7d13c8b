// Names of card-reader media states and events.
#include "drivers/card/card_reader.hpp"

namespace kiosk::drivers {

std::string_view to_string(CardMediaState state) {
    switch (state) {
        case CardMediaState::notPresent: return "notPresent";
        case CardMediaState::present: return "present";
        case CardMediaState::entering: return "entering";
        case CardMediaState::jammed: return "jammed";
        case CardMediaState::latched: return "latched";
        case CardMediaState::unknown: return "unknown";
    }
    return "unknown";
}

std::string_view to_string(CardReaderEvent event) {
    switch (event) {
        case CardReaderEvent::inserted: return "inserted";
        case CardReaderEvent::taken: return "taken";
        case CardReaderEvent::jammed: return "jammed";
    }
    return "unknown";
}

}  // namespace kiosk::drivers
