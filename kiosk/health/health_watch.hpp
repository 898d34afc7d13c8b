// HealthWatch: the loop's side of the health alerts (issue 12, item 3). After every fitness round
// it gathers what can go wrong (health_conditions.hpp) — devices, paper, cassettes, capture bin,
// outbox backlog, certificate expiry, customer errors piling up on one screen, the operator key
// left in maintenance — feeds it to the AlertMonitor, and commits each raise and clear as an
// `alert` CRM record with its journal line in one transaction (CxRecorder::record_alert), at the
// outbox's first priority. Listeners (the fleet publisher) hear each change after it is committed.
// Runs on the loop thread: a look reads the outbox fill (one SQLite query) and commits only on a
// change.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/config/kiosk_config.hpp"
#include "kiosk/cx/cx_recorder.hpp"
#include "kiosk/health/alert_monitor.hpp"
#include "kiosk/health/screen_error_window.hpp"
#include "kiosk/runtime/service_fitness.hpp"
#include "kiosk/runtime/session.hpp"

namespace kiosk {

class HealthWatch {
public:
    struct Sources {
        std::function<std::optional<store::OutboxFill>()> outbox_fill;  // unset: not watched
        std::vector<std::string> certificate_notices;                   // found at start-up
        std::function<std::optional<std::string>()> speech_problem;      // unset: no speech guidance fitted
        // Since when the service mode is open, and by whom (Runtime::service_mode_since): set, the
        // "left open" alert follows the real service mode instead of the operator key.
        std::function<std::optional<TimePoint>()> service_mode_since;
        std::function<std::string()> service_technician;
        Millis service_mode_limit{30 * 60 * 1000};  // maintenance.open_alert_after_s
    };

    HealthWatch(const AlertsConfig& config, CxRecorder& cx, const Clock& clock, Sources sources,
                std::function<void(const std::string&)> note);

    // A visit ended: its customer errors count towards their screens' bursts.
    void journey_ended(const Session& session);
    // A fitness round was assessed: look at every condition now.
    void look(const std::optional<DeviceHealth>& devices, const ServiceFitness& fitness);

    [[nodiscard]] const AlertMonitor& monitor() const { return monitor_; }
    // Each raise and clear, after its record is committed (or failed to be: the note says so).
    std::function<void(const AlertChange&)> on_change;

private:
    AlertsConfig config_;
    CxRecorder& cx_;
    const Clock& clock_;
    Sources sources_;
    std::function<void(const std::string&)> note_;
    AlertMonitor monitor_;
    ScreenErrorWindow screen_errors_;
    std::optional<TimePoint> operator_key_since_;
};

}  // namespace kiosk
