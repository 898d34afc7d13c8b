// LoopPicture: what the kiosk's loop knows that a technician asks about — the fitness monitor's
// last round, the flow's state — copied on the loop thread in one short step (the loop never
// waits on the control socket), then turned into TerminalStatus lines off the loop.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/flow/flow_types.hpp"
#include "kiosk/maintenance/remote_self_test.hpp"
#include "kiosk/maintenance/terminal_status.hpp"
#include "kiosk/runtime/service_fitness.hpp"

namespace kiosk::control {

struct LoopPicture {
    ServiceFitness fitness;
    std::optional<DeviceHealth> health;  // nullopt before the first round
    flow::StateId state = flow::StateId::Attract;
    std::uint64_t full_rounds_started = 0;
    std::uint64_t full_rounds_assessed = 0;
    std::optional<SelfTestReport> self_test;  // kioskctl selftest's last run

    // No customer at the machine: Attract or OutOfService (a self-test may use the devices).
    [[nodiscard]] bool idle() const { return state == flow::StateId::Attract || state == flow::StateId::OutOfService; }
};

// "devices", "tamper", "host_unreachable", "storage_full" (status and selftest replies).
std::string_view out_of_service_name(flow::OutOfServiceReason reason);

// Each device of the last round, with its state and, when not usable, why.
std::vector<maintenance::DeviceLine> device_lines(const DeviceHealth& health);

// in service / degraded / out of service (unknown before the first round), and the reason, the
// problems and what is left out, into `status`.
void describe_service(const LoopPicture& picture, maintenance::TerminalStatus& status);

}  // namespace kiosk::control
