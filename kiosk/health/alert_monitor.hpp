// AlertMonitor: turns the conditions that hold at each look into alert episodes, so a flapping
// sensor is one alert, not an alarm storm. An episode is raised the first time its condition is
// seen; it is cleared only once the condition has been absent for `clear_hold` without a break
// (on the kiosk's Clock). A condition that comes back within the hold continues the same episode:
// nothing is raised again. Pure: no I/O, time comes in with each look.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "kiosk/health/alert.hpp"

namespace kiosk {

enum class AlertTransition : std::uint8_t { raised, cleared };
std::string_view to_string(AlertTransition transition);

struct AlertChange {
    AlertTransition transition = AlertTransition::raised;
    Alert alert;          // as raised (for a clear: as last seen)
    TimePoint raised_at;  // the episode's start
    TimePoint at;         // when this change happened
};

class AlertMonitor {
public:
    explicit AlertMonitor(Millis clear_hold) : clear_hold_(clear_hold) {}

    // The conditions that hold now (ids unique); returns the raises and clears of this look,
    // clears first, each group in id order.
    std::vector<AlertChange> observe(const std::vector<Alert>& holding, TimePoint now);

    // The episodes open now (raised and not cleared), by id.
    [[nodiscard]] std::vector<Alert> open() const;
    [[nodiscard]] Millis clear_hold() const { return clear_hold_; }

private:
    struct Episode {
        Alert alert;
        TimePoint raised_at;
        std::optional<TimePoint> absent_since;  // set while the condition is not seen
    };

    Millis clear_hold_;
    std::map<std::string, Episode> episodes_;
};

}  // namespace kiosk
