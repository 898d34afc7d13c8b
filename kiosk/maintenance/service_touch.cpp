#include "kiosk/maintenance/service_touch.hpp"

namespace kiosk {

std::optional<flow::Event> service_touch_event(std::string_view action) {
    constexpr std::string_view page = "service_page:";
    constexpr std::string_view run = "service_action:";
    if (action == "service_leave") return flow::Event{flow::events::LeaveService{}};
    if (action.starts_with(page)) {
        if (const auto chosen = flow::parse_service_page(action.substr(page.size()))) {
            return flow::Event{flow::events::ServicePageChosen(*chosen)};
        }
    }
    if (action.starts_with(run)) {
        if (const auto chosen = flow::parse_service_action(action.substr(run.size()))) {
            return flow::Event{flow::events::ServiceActionChosen(*chosen)};
        }
    }
    return std::nullopt;
}

}  // namespace kiosk
