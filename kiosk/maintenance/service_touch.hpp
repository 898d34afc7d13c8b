// The service pages' buttons (docs/technician.md): "service_page:<page>", "service_action:<action>"
// and "service_leave", each one flow event. Kept apart from the customer's touch actions
// (kiosk/runtime/touch_action.hpp) so those stay the customer's vocabulary.
#pragma once

#include <optional>
#include <string_view>

#include "kiosk/flow/flow_events.hpp"

namespace kiosk {

// The event a service button stands for; nullopt for any other id (or an unknown page or action).
std::optional<flow::Event> service_touch_event(std::string_view action);

}  // namespace kiosk
