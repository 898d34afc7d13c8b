#include "kiosk/simulator/external_crm.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "security/crm_record_key.hpp"
#include "sim/crm/ready_file.hpp"
#include "sim/crm/test_pki.hpp"

namespace kiosk {

namespace {

std::filesystem::path own_directory() {
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error) throw std::runtime_error("cannot find this program's directory (/proc/self/exe: " + error.message() + ")");
    return self.parent_path();
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream file(path);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

ChildProcess spawn_crm(const std::filesystem::path& dir, const std::filesystem::path& ready_file) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) throw std::runtime_error("simulated CRM: cannot create " + dir.string() + ": " + error.message());
    std::filesystem::remove(ready_file, error);  // a stale one from a killed run would mislead
    auto process = ChildProcess::spawn(own_directory() / "kiosk-sim-crm",
                                       {"serve", "--dir", dir.string(), "--ready-file", ready_file.string(), "--control"},
                                       dir / "kiosk-sim-crm.log");
    if (!process.ok()) throw std::runtime_error("simulated CRM: " + process.error().to_string());
    return std::move(*process);
}

}  // namespace

void use_external_crm(KioskConfig& config, const std::filesystem::path& ready_file) {
    auto ready = sim::read_ready_file(ready_file);
    if (!ready.ok()) throw std::runtime_error(ready.error().to_string());
    auto record_key = security::parse_crm_public_key(ready->record_public_key);
    if (!record_key.ok()) {
        throw std::runtime_error(ready_file.string() + ": record_public_key: " + record_key.error().message);
    }
    config.crm.url = ready->url;
    config.crm.profiles_url = ready->profiles_url;  // profiles and complaint statuses, as in production
    config.crm.ca_file = ready->ca_file;
    config.crm.client_cert = ready->client_cert_file;
    config.crm.client_key = ready->client_key_file;
    config.crm.record_public_keys = {std::move(*record_key)};
    // A backup pin as production needs (the simulated CRM could move to this spare key).
    auto spare = sim::make_spare_key();
    if (!spare.ok()) throw std::runtime_error("simulated CRM backup key: " + spare.error().to_string());
    config.crm.pinned_keys = {ready->server_pin, spare->pin};
}

CrmChildProcess::CrmChildProcess(const std::filesystem::path& dir, std::chrono::milliseconds bound)
    : ready_file_(dir / "ready.json"), process_(spawn_crm(dir, ready_file_)) {
    const auto deadline = std::chrono::steady_clock::now() + bound;
    while (!std::filesystem::exists(ready_file_)) {
        if (process_.exit_status() || std::chrono::steady_clock::now() >= deadline) {
            throw std::runtime_error("simulated CRM did not start (" + (dir / "kiosk-sim-crm.log").string() +
                                     "):\n" + read_text(dir / "kiosk-sim-crm.log"));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

}  // namespace kiosk
