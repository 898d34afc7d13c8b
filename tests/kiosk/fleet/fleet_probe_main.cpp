// kiosk-fleet-probe: simulated terminals for the fleet tests — `count` status publishers in one
// process, each its own MQTT client (client id kiosk-<terminal>, its own topic and last will),
// publishing an in-service status and then waiting until killed. The tests SIGKILL it to show the
// broker announcing each terminal's death.
//   kiosk-fleet-probe <port> <ca> <cert> <key> <first terminal number> <count>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/fleet/fleet_reporter.hpp"

int main(int argc, char** argv) {
    using namespace kiosk;
    if (argc != 7) {
        std::fprintf(stderr, "usage: kiosk-fleet-probe <port> <ca> <cert> <key> <first> <count>\n");
        return 2;
    }
    FleetConfig config;
    config.mqtt_host = "127.0.0.1";
    config.mqtt_port = std::stoi(argv[1]);
    config.ca_file = argv[2];
    config.client_cert = argv[3];
    config.client_key = argv[4];
    const int first = std::stoi(argv[5]);
    const int count = std::stoi(argv[6]);
    std::vector<std::unique_ptr<fleet::MqttPublisher>> publishers;
    for (int number = first; number < first + count; ++number) {
        char terminal[16];
        std::snprintf(terminal, sizeof terminal, "T%04d", number);
        const fleet::FleetTopics topics = fleet::fleet_topics("kiosk", "testbank", terminal);
        fleet::MqttSettings settings = fleet::publisher_settings(config, terminal, topics);
        settings.max_backoff = Millis(2'000);
        auto publisher = fleet::MqttPublisher::start(settings);
        if (!publisher.ok()) {
            std::fprintf(stderr, "%s\n", publisher.error().to_string().c_str());
            return 1;
        }
        const auto status = fleet::terminal_status(terminal, ServiceFitness{}, std::nullopt, {}, "probe",
                                                   SystemClock().now());
        (*publisher)->publish_latest({topics.status, fleet::to_json(status).dump(), true});
        publishers.push_back(std::move(*publisher));
    }
    std::printf("started %d terminals\n", count);
    std::fflush(stdout);
    for (;;) pause();  // until killed
}
