// RemoteSelfTest: kioskctl selftest's device tests (docs/kioskctl.md, "selftest"), run by the
// kiosk's loop through the service pages' own tests (MaintenanceService::device_test) on the
// devices' workers — a test receipt, one note per cassette to the reject bin, the card reader's
// reset and status, the pad's status, the sensors, the speech test phrase. Only while idle; the
// flow shows the out-of-service screen meanwhile (SelfTestStarted, Runtime::start_self_test), and once every test has
// answered, a fresh fitness round decides whether it goes back to Attract (SelfTestFinished).
// Each test is journaled with the caller; the test dispense books its notes as rejected, as the
// service page does. The control thread reads report() through the loop's mailbox.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/maintenance/maintenance_service.hpp"
#include "kiosk/runtime/runtime_ports.hpp"
#include "kiosk/runtime/service_fitness.hpp"

namespace kiosk {

struct SelfTestLine {
    std::string device;  // one of remote_test_devices()
    bool passed = false;
    std::string result;  // what happened, in plain words
};

struct SelfTestReport {
    std::uint64_t id = 0;             // one per start(): the control thread waits for its own
    std::vector<SelfTestLine> lines;  // the devices tested, in remote_test_devices() order
    bool finished = false;            // every test answered and the fitness round after them is in
    std::optional<flow::OutOfServiceReason> out_of_service;  // after the tests (finished only)
    std::vector<std::string> problems;                       // the fitness round's, after the tests
};

// The names selftest takes, in the order the tests are reported.
const std::vector<std::string>& remote_test_devices();

class RemoteSelfTest {
public:
    struct Hooks {
        std::function<void()> read_devices_soon;             // a full fitness round at the next turn
        std::function<std::uint64_t()> full_rounds_started;  // FitnessMonitor's counter
        bool speech = false;                                 // a speech service is fitted
    };

    RemoteSelfTest(RuntimePorts ports, MaintenanceService& tests, Hooks hooks);

    // Loop thread, with the flow idle: the devices `device` names (every fitted one when unset), or
    // why they cannot be tested now (one run is going on, the device is not fitted, no reading yet).
    [[nodiscard]] Result<std::vector<std::string>> plan(const std::optional<std::string>& device,
                                                        const std::optional<DeviceHealth>& health) const;
    // Loop thread, once the flow has taken SelfTestStarted (the card slot shut first): starts the
    // planned tests and returns the report's id. `actor` is journaled with each test.
    std::uint64_t start(const std::vector<std::string>& devices, const std::string& actor,
                        const std::optional<DeviceHealth>& health);
    // Loop thread, after every fitness round.
    void fitness_assessed(const ServiceFitness& fitness, std::uint64_t full_rounds_assessed);

    [[nodiscard]] bool running() const { return report_ && !report_->finished; }
    // The last run's report (nullopt before the first).
    [[nodiscard]] const std::optional<SelfTestReport>& report() const { return report_; }

private:
    void run(const std::string& device, std::size_t line, const std::optional<DeviceHealth>& health);
    void answered(std::uint64_t id, std::size_t line, flow::ServiceOutcome outcome, std::string result,
                  const std::vector<store::CounterDelta>& counters);

    RuntimePorts ports_;
    MaintenanceService& tests_;
    Hooks hooks_;
    std::string actor_;
    std::optional<SelfTestReport> report_;
    std::uint64_t next_id_ = 1;
    std::size_t awaiting_ = 0;                 // tests not answered yet
    std::optional<std::uint64_t> round_mark_;  // set once they all answered: the round after must be in
};

}  // namespace kiosk
