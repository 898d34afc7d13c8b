// The fleet: one broker, 200 simulated terminals (10 kiosk-fleet-probe processes × 20 clients,
// each its own client id, topic and last will). The operations centre sees every terminal in
// service; one process is SIGKILLed and it sees each of its 20 terminals die — and only those.
#include <csignal>
#include <set>
#include <vector>

#include "tests/kiosk/fleet/fleet_test_rig.hpp"

namespace kiosk::testing {
namespace {

constexpr int kProcesses = 10;
constexpr int kPerProcess = 20;
constexpr int kTerminals = kProcesses * kPerProcess;

std::string terminal_name(int number) {
    char name[16];
    std::snprintf(name, sizeof name, "T%04d", number);
    return name;
}

class FleetScaleTest : public FleetRig {};

int count_in_state(const MqttTestSubscriber& centre, const std::string& state, int first, int count) {
    int found = 0;
    for (int number = first; number < first + count; ++number) {
        found += centre.state(fleet::fleet_topics("kiosk", "testbank", terminal_name(number)).status) == state ? 1 : 0;
    }
    return found;
}

TEST_F(FleetScaleTest, TwoHundredTerminalsAreSeenAndEachDeathIsAnnounced) {
    MqttTestSubscriber centre(broker_->port(), pki_, "operations-centre");
    ASSERT_TRUE(centre.wait_connected());
    std::vector<ChildProcess> probes;
    for (int process = 0; process < kProcesses; ++process) {
        auto probe = ChildProcess::spawn(
            KIOSK_FLEET_PROBE,
            {std::to_string(broker_->port()), pki_.ca.certificate.string(), pki_.client.certificate.string(),
             pki_.client.private_key.string(), std::to_string(process * kPerProcess), std::to_string(kPerProcess)},
            dir_ / ("probe-" + std::to_string(process) + ".log"));
        ASSERT_TRUE(probe.ok()) << probe.error().to_string();
        probes.push_back(std::move(*probe));
    }
    ASSERT_TRUE(centre.wait_until(
        [](const MqttTestSubscriber& s) { return count_in_state(s, "in_service", 0, kTerminals) == kTerminals; },
        std::chrono::seconds(120)))
        << count_in_state(centre, "in_service", 0, kTerminals) << " of " << kTerminals << " terminals seen";

    probes[3].kill_now();  // terminals T0060–T0079 die at once, ungracefully
    const int first_dead = 3 * kPerProcess;
    ASSERT_TRUE(centre.wait_until(
        [&](const MqttTestSubscriber& s) { return count_in_state(s, "offline", first_dead, kPerProcess) == kPerProcess; },
        std::chrono::seconds(60)))
        << count_in_state(centre, "offline", first_dead, kPerProcess) << " of " << kPerProcess << " deaths seen";
    EXPECT_EQ(count_in_state(centre, "offline", 0, kTerminals), kPerProcess) << "a living terminal was declared dead";
    EXPECT_EQ(count_in_state(centre, "in_service", 0, kTerminals), kTerminals - kPerProcess);
}

}  // namespace
}  // namespace kiosk::testing
