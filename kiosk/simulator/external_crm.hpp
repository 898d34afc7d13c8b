// The simulated CRM as its own process (`kiosk-sim-crm serve`, sim/crm/sim_crm_main.cpp), as
// `kiosk --sim` runs it: started from the same directory as kiosk-sim, waited for through its
// ready file, and pointed at by the kiosk's [crm] settings (endpoint, CA, client certificate, pin,
// record public key) — the same way a real terminal is configured for the bank's CRM. The crash
// tests start one CRM for many kiosk runs and pass its ready file with `kiosk-sim --crm-ready`.
#pragma once

#include <chrono>
#include <filesystem>

#include "common/child_process.hpp"
#include "kiosk/config/kiosk_config.hpp"

namespace kiosk {

// Reads the ready file and fills config.crm from it. Throws std::runtime_error naming the file and
// what is wrong with it.
void use_external_crm(KioskConfig& config, const std::filesystem::path& ready_file);

// `kiosk-sim-crm serve --dir <dir> --ready-file <dir>/ready.json --control`, next to this program;
// returns once its ready file is there (or throws, with the CRM's log, after `bound`). The
// destructor stops it (SIGTERM, then SIGKILL).
class CrmChildProcess {
public:
    CrmChildProcess(const std::filesystem::path& dir, std::chrono::milliseconds bound = std::chrono::seconds(20));
    [[nodiscard]] const std::filesystem::path& ready_file() const { return ready_file_; }

private:
    std::filesystem::path ready_file_;
    ChildProcess process_;
};

}  // namespace kiosk
