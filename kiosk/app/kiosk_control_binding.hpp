// KioskControlBinding: the kiosk's control socket (kiosk/control/kiosk_control_service.hpp) tied
// to one assembled kiosk — its runtime's picture on the loop, its own database connection for the
// outbox and the journal check (never the loop's), its uploader for `upload-now`. Started by each
// way the kiosk runs (production_run, the simulator's window and headless serve modes) after the
// runtime's other hooks are set; it adds its pump to Runtime::on_turn.
#pragma once

#include <chrono>
#include <memory>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/config/kiosk_config.hpp"
#include "kiosk/control/kiosk_control_service.hpp"
#include "store/database.hpp"

namespace kiosk {

class KioskControlBinding final : public control::ControlledKiosk {
public:
    // Serves config.kiosk_socket_path(). Throws std::runtime_error naming the socket or the group
    // when a configured service.control_socket or control_group cannot be served (a start-up
    // error, like a missing key); the default path failing is logged and the kiosk runs without.
    KioskControlBinding(KioskApp& app, const KioskConfig& config, const Clock& clock);
    ~KioskControlBinding() override;

    control::LoopPicture picture() override;
    Result<std::uint64_t> start_self_test(const std::optional<std::string>& device, const std::string& actor) override;
    maintenance::TerminalStatus status(const control::LoopPicture& picture) override;
    nlohmann::json upload_now(const std::string& actor) override;
    void note(const std::string& line) override;
    void replenish(const std::vector<std::uint32_t>& counts, std::uint32_t capacity, const std::string& actor,
                   std::function<void(const Result<std::string>&)> finished) override;

    // The socket's path, or "none (why)" when the default path could not be served.
    [[nodiscard]] const std::string& description() const { return description_; }

private:
    KioskApp& app_;
    KioskConfig config_;
    const Clock& clock_;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
    store::Database database_;  // the control thread's own connection
    std::string description_;
    std::unique_ptr<control::KioskControlService> service_;  // last: its thread stops first
};

}  // namespace kiosk
