// FleetReporter: the kiosk's side of the fleet view (issue 12, item 4). On the loop thread after
// each fitness round it turns the kiosk's state into the retained status message and hands it to
// the MqttPublisher when it changed (or every `refresh`, so the operations centre sees a fresh
// time); it passes on every alert raise and clear, and once a day the previous day's service-
// quality index (kept retained too). Handing over never waits: a broker that is down costs the
// loop nothing (mqtt_publisher.hpp).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "common/clock.hpp"
#include "kiosk/config/kiosk_config.hpp"
#include "kiosk/fleet/fleet_messages.hpp"
#include "kiosk/fleet/mqtt_publisher.hpp"
#include "store/database.hpp"

namespace kiosk::fleet {

class FleetReporter {
public:
    static constexpr Millis refresh{5 * 60 * 1000};

    // The publisher's settings from [fleet]: client id "kiosk-<terminal>", will and farewell on
    // the status topic. An Error naming the setting when a TLS file cannot be read.
    static Result<std::unique_ptr<FleetReporter>> start(const FleetConfig& config, const std::string& terminal,
                                                        const std::string& bank_name, store::Database& database,
                                                        const Clock& clock);

    void status(const ServiceFitness& fitness, const std::optional<DeviceHealth>& devices,
                std::vector<std::string> open_alerts);
    void alert(const AlertChange& change);

    [[nodiscard]] const FleetTopics& topics() const { return topics_; }
    MqttPublisher& publisher() { return *publisher_; }

private:
    FleetReporter(std::string terminal, FleetTopics topics, std::unique_ptr<MqttPublisher> publisher,
                  store::Database& database, const Clock& clock);
    void daily_index(TimePoint now);

    std::string terminal_;
    FleetTopics topics_;
    std::unique_ptr<MqttPublisher> publisher_;
    store::Database& database_;
    const Clock& clock_;
    std::optional<nlohmann::json> last_status_;  // without its time: what "changed" compares
    std::optional<TimePoint> last_sent_;
    std::string last_index_day_;
};

// The settings a terminal's publisher uses (also the fleet tests' simulated terminals).
MqttSettings publisher_settings(const FleetConfig& config, const std::string& terminal, const FleetTopics& topics);

}  // namespace kiosk::fleet
