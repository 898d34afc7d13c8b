#include "kiosk/fleet/fleet_reporter.hpp"

#include "kiosk/cx/cx_day.hpp"
#include "kiosk/cx/service_quality_record.hpp"

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "unknown"
#endif

namespace kiosk::fleet {

MqttSettings publisher_settings(const FleetConfig& config, const std::string& terminal, const FleetTopics& topics) {
    MqttSettings settings;
    settings.host = config.mqtt_host;
    settings.port = config.mqtt_port;
    settings.ca_file = config.ca_file.string();
    settings.client_cert = config.client_cert.string();
    settings.client_key = config.client_key.string();
    settings.client_id = "kiosk-" + terminal;
    settings.keepalive = config.keepalive;
    settings.will = MqttMessage{topics.status, offline_status(terminal, "connection_lost").dump(), true};
    settings.farewell = MqttMessage{topics.status, offline_status(terminal, "stopped").dump(), true};
    return settings;
}

Result<std::unique_ptr<FleetReporter>> FleetReporter::start(const FleetConfig& config, const std::string& terminal,
                                                            const std::string& bank_name, store::Database& database,
                                                            const Clock& clock) {
    const std::string bank = config.bank.empty() ? topic_level(bank_name) : config.bank;
    FleetTopics topics = fleet_topics(config.topic_prefix, bank, terminal);
    auto publisher = MqttPublisher::start(publisher_settings(config, terminal, topics));
    if (!publisher.ok()) return publisher.error();
    return std::unique_ptr<FleetReporter>(
        new FleetReporter(terminal, std::move(topics), std::move(*publisher), database, clock));
}

FleetReporter::FleetReporter(std::string terminal, FleetTopics topics, std::unique_ptr<MqttPublisher> publisher,
                             store::Database& database, const Clock& clock)
    : terminal_(std::move(terminal)),
      topics_(std::move(topics)),
      publisher_(std::move(publisher)),
      database_(database),
      clock_(clock) {}

void FleetReporter::status(const ServiceFitness& fitness, const std::optional<DeviceHealth>& devices,
                           std::vector<std::string> open_alerts) {
    const TimePoint now = clock_.now();
    nlohmann::json message =
        to_json(terminal_status(terminal_, fitness, devices, std::move(open_alerts), KIOSK_VERSION, now));
    nlohmann::json compared = message;
    compared.erase("time_unix_ms");
    const bool due = !last_sent_ || now - *last_sent_ >= refresh;
    if (compared != last_status_ || due) {
        publisher_->publish_latest(MqttMessage{topics_.status, message.dump(), true});
        last_status_ = std::move(compared);
        last_sent_ = now;
    }
    daily_index(now);
}

void FleetReporter::alert(const AlertChange& change) {
    // Dropped while the broker is down: the alert record in the outbox is the durable copy.
    static_cast<void>(publisher_->publish(MqttMessage{topics_.alerts, alert_message(terminal_, change).dump(), false}));
}

void FleetReporter::daily_index(TimePoint now) {
    const std::string day = previous_utc_day(now);
    if (day == last_index_day_) return;
    last_index_day_ = day;
    auto quality = service_quality_from_store(database_, day);
    if (!quality.ok()) return;  // the CRM record is the index's durable path; this is a courtesy copy
    nlohmann::json message = to_json(*quality);
    message["terminal"] = terminal_;
    publisher_->publish_latest(MqttMessage{topics_.sqi, message.dump(), true});
}

}  // namespace kiosk::fleet
