// ControlService: the control socket of a running simulator, wired end to end — the server thread
// parses each request line, the ControlMailbox carries it to the loop thread, SimControl carries
// it out there. The owner calls pump() from its loop (kiosk --sim: at the start of every runtime
// tick, through Runtime::on_turn — see SimulatorRig::instrument).
#pragma once

#include <filesystem>
#include <memory>

#include "sim/control/control_mailbox.hpp"
#include "sim/control/control_server.hpp"
#include "sim/control/sim_control.hpp"

namespace kiosk::sim {

class ControlService {
public:
    static Result<std::unique_ptr<ControlService>> start(const std::filesystem::path& socket, SimDeviceSet sims,
                                                         DriverSet drivers, Millis loop_timeout = Millis{3000});

    // On the loop thread: carries out every request waiting.
    std::size_t pump() { return mailbox_.pump(); }
    SimControl& control() { return control_; }
    [[nodiscard]] const std::filesystem::path& socket() const { return server_->path(); }

private:
    ControlService(SimDeviceSet sims, DriverSet drivers, Millis loop_timeout)
        : control_(sims, drivers), loop_timeout_(loop_timeout) {}
    std::string handle(std::string_view line);

    SimControl control_;
    Millis loop_timeout_;
    ControlMailbox mailbox_;
    std::unique_ptr<ControlServer> server_;  // last: its thread stops before the rest goes
};

}  // namespace kiosk::sim
