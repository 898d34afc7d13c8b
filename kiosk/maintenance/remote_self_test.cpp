// RemoteSelfTest (see remote_self_test.hpp).
#include "kiosk/maintenance/remote_self_test.hpp"

#include <algorithm>

#include "kiosk/runtime/recorder.hpp"

namespace kiosk {

namespace {

using flow::ServiceAction;
using flow::ServiceOutcome;

// "a, b, c": the devices named in a journal line, or the problems found.
std::string listed(const std::vector<std::string>& items, std::string_view separator) {
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : std::string(separator)) + item;
    return text;
}

}  // namespace

const std::vector<std::string>& remote_test_devices() {
    static const std::vector<std::string> names{"card_reader", "pin_pad", "printer", "dispenser", "sensors", "speech"};
    return names;
}

RemoteSelfTest::RemoteSelfTest(RuntimePorts ports, MaintenanceService& tests, Hooks hooks)
    : ports_(std::move(ports)), tests_(tests), hooks_(std::move(hooks)) {}

Result<std::vector<std::string>> RemoteSelfTest::plan(const std::optional<std::string>& device,
                                                      const std::optional<DeviceHealth>& health) const {
    if (running()) return make_error("selftest", "a self-test is already running: wait for its result");
    const auto& names = remote_test_devices();
    if (device && std::find(names.begin(), names.end(), *device) == names.end()) {
        return make_error("selftest", "unknown device '" + *device + "'");
    }
    if (!health) return make_error("selftest", "the first device round has not finished: try again in a few seconds");
    const auto fitted = [&](const std::string& name) {
        if (name == "dispenser") return health->dispenser.has_value();
        if (name == "sensors") return health->sensors.has_value();
        if (name == "speech") return hooks_.speech;
        return true;
    };
    std::vector<std::string> chosen;
    for (const std::string& name : names) {
        if ((!device || name == *device) && fitted(name)) chosen.push_back(name);
    }
    if (chosen.empty()) return make_error("selftest", "this kiosk has no " + device.value_or("device") + " fitted");
    return chosen;
}

std::uint64_t RemoteSelfTest::start(const std::vector<std::string>& devices, const std::string& actor,
                                    const std::optional<DeviceHealth>& health) {
    SelfTestReport report;
    report.id = next_id_++;
    for (const std::string& name : devices) report.lines.push_back(SelfTestLine{name, false, "running"});
    report_ = std::move(report);
    actor_ = actor;
    round_mark_.reset();
    awaiting_ = devices.size();
    ports_.recorder.journal(actor_, "self_test_started", "success", listed(devices, ", "),
                            "the kiosk serves nobody until the tests end");
    // Every test at once, each on its device's worker; a test that answers at once (the speech
    // service queues its phrase) is counted like the others.
    const std::uint64_t id = report_->id;
    for (std::size_t line = 0; line < devices.size(); ++line) run(devices[line], line, health);
    return id;
}

void RemoteSelfTest::run(const std::string& device, std::size_t line, const std::optional<DeviceHealth>& health) {
    const std::uint64_t id = report_->id;
    const MaintenanceService::TestFinished finished = [this, id, line](ServiceOutcome outcome, std::string result,
                                                                       std::vector<store::CounterDelta> counters) {
        answered(id, line, outcome, std::move(result), counters);
    };
    if (device == "card_reader") {
        tests_.card_reader_check(finished);
        return;
    }
    const ServiceAction test = device == "pin_pad"     ? ServiceAction::PinPadKeyTest
                               : device == "printer"   ? ServiceAction::PrintTestReceipt
                               : device == "dispenser" ? ServiceAction::TestDispense
                               : device == "sensors"   ? ServiceAction::ReadSensors
                                                       : ServiceAction::SpeechTest;
    tests_.device_test(test, health, "Self-test asked by " + actor_, finished);
}

void RemoteSelfTest::answered(std::uint64_t id, std::size_t line, ServiceOutcome outcome, std::string result,
                              const std::vector<store::CounterDelta>& counters) {
    if (!report_ || report_->id != id || line >= report_->lines.size() || awaiting_ == 0) return;
    SelfTestLine& tested = report_->lines[line];
    tested.passed = outcome == ServiceOutcome::Passed;
    tested.result = std::move(result);
    // The same journal line the service page writes for its test (with the dispense's counters:
    // the notes in the reject bin), with the caller as the actor.
    ports_.recorder.journal(actor_, "self_test", tested.passed ? "success" : "failed: " + tested.result, tested.device,
                            tested.result, counters);
    if (--awaiting_ > 0) return;
    // Every test has answered: a full round read after them decides whether the kiosk serves.
    round_mark_ = hooks_.full_rounds_started();
    hooks_.read_devices_soon();
}

void RemoteSelfTest::fitness_assessed(const ServiceFitness& fitness, std::uint64_t full_rounds_assessed) {
    if (!running() || !round_mark_ || full_rounds_assessed <= *round_mark_) return;
    report_->finished = true;
    report_->out_of_service = fitness.out_of_service;
    report_->problems = fitness.problems;
    round_mark_.reset();
    const auto failed = std::count_if(report_->lines.begin(), report_->lines.end(),
                                      [](const SelfTestLine& line) { return !line.passed; });
    ports_.recorder.journal(
        actor_, "self_test_finished", failed == 0 ? "success" : "failure: a device failed", "selftest",
        std::to_string(report_->lines.size()) + " tests, " + std::to_string(failed) + " failed; " +
            (fitness.serving() ? "back in service" : "out of service: " + listed(fitness.problems, "; ")));
    ports_.post(flow::events::SelfTestFinished(fitness.out_of_service));
}

}  // namespace kiosk
