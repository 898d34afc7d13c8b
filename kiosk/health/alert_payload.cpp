#include "kiosk/health/alert_payload.hpp"

namespace kiosk {

nlohmann::json alert_payload(const AlertChange& change) {
    const bool cleared = change.transition == AlertTransition::cleared;
    return nlohmann::json{
        {"alert", change.alert.id},
        {"state", to_string(change.transition)},
        {"severity", to_string(change.alert.severity)},
        {"cause", change.alert.cause},
        {"suggested_action", change.alert.suggested_action},
        {"raised_unix_ms", to_unix_millis(change.raised_at)},
        {"cleared_unix_ms", cleared ? nlohmann::json(to_unix_millis(change.at)) : nlohmann::json(nullptr)},
        {"duration_ms", cleared ? nlohmann::json((change.at - change.raised_at).count()) : nlohmann::json(nullptr)},
    };
}

}  // namespace kiosk
