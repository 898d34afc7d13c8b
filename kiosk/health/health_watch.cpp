#include "kiosk/health/health_watch.hpp"

#include "kiosk/runtime/screen_names.hpp"

namespace kiosk {

HealthWatch::HealthWatch(const AlertsConfig& config, CxRecorder& cx, const Clock& clock, Sources sources,
                         std::function<void(const std::string&)> note)
    : config_(config),
      cx_(cx),
      clock_(clock),
      sources_(std::move(sources)),
      note_(std::move(note)),
      monitor_(config.clear_hold),
      screen_errors_(config.screen_error_window, config.screen_error_threshold) {}

void HealthWatch::journey_ended(const Session& session) {
    for (const JourneyEvent& event : session.journey.events()) {
        // A device fault is already its own alert (the device's); these are the customer's errors.
        if (event.type != JourneyEventType::Error || !event.screen) continue;
        screen_errors_.add(std::string(screen_name(*event.screen)), event.at);
    }
}

void HealthWatch::look(const std::optional<DeviceHealth>& devices, const ServiceFitness& fitness) {
    const TimePoint now = clock_.now();
    HealthInputs inputs;
    inputs.devices = devices ? &*devices : nullptr;
    inputs.fitness = fitness;
    if (sources_.outbox_fill) inputs.outbox = sources_.outbox_fill();
    inputs.certificate_notices = sources_.certificate_notices;
    if (sources_.speech_problem) inputs.speech_problem = sources_.speech_problem();
    inputs.screen_errors = screen_errors_.bursts(now);
    const bool key_in_maintenance = devices && devices->sensors && devices->sensors->ok() &&
                                    devices->sensors->value().operator_key_maintenance;
    if (!key_in_maintenance) {
        operator_key_since_.reset();
    } else if (!operator_key_since_) {
        operator_key_since_ = now;
    }
    if (operator_key_since_) inputs.operator_key_held = now - *operator_key_since_;
    inputs.operator_key_limit = config_.operator_key_limit;
    if (sources_.service_mode_since) {
        inputs.operator_key_held.reset();  // the service mode itself says how long it is open
        if (const auto since = sources_.service_mode_since()) {
            inputs.service_mode_open = now - *since;
            inputs.service_mode_limit = sources_.service_mode_limit;
            if (sources_.service_technician) inputs.service_technician = sources_.service_technician();
        }
    }
    inputs.capture_bin_margin = config_.capture_bin_margin;

    for (const AlertChange& change : monitor_.observe(current_conditions(inputs), now)) {
        auto recorded = cx_.record_alert(change);
        if (!recorded.ok()) {
            note_("alert " + change.alert.id + " " + std::string(to_string(change.transition)) +
                  " not recorded: " + recorded.error().to_string());
        }
        if (on_change) on_change(change);
    }
}

}  // namespace kiosk
