#include "kiosk/health/alert_monitor.hpp"

namespace kiosk {

std::string_view to_string(AlertTransition transition) {
    return transition == AlertTransition::raised ? "raised" : "cleared";
}

std::vector<AlertChange> AlertMonitor::observe(const std::vector<Alert>& holding, TimePoint now) {
    std::map<std::string, const Alert*> seen;
    for (const Alert& alert : holding) seen.emplace(alert.id, &alert);

    std::vector<AlertChange> changes;
    for (auto it = episodes_.begin(); it != episodes_.end();) {
        Episode& episode = it->second;
        if (seen.contains(it->first)) {
            episode.absent_since.reset();  // back within the hold (or never gone): the same episode
            ++it;
            continue;
        }
        if (!episode.absent_since) episode.absent_since = now;
        if (now - *episode.absent_since >= clear_hold_) {
            changes.push_back({AlertTransition::cleared, episode.alert, episode.raised_at, now});
            it = episodes_.erase(it);
        } else {
            ++it;
        }
    }
    for (const auto& [id, alert] : seen) {
        if (episodes_.contains(id)) continue;
        episodes_.emplace(id, Episode{*alert, now, std::nullopt});
        changes.push_back({AlertTransition::raised, *alert, now, now});
    }
    return changes;
}

std::vector<Alert> AlertMonitor::open() const {
    std::vector<Alert> alerts;
    for (const auto& [id, episode] : episodes_) alerts.push_back(episode.alert);
    return alerts;
}

}  // namespace kiosk
