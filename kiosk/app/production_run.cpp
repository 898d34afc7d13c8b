#include "kiosk/app/production_run.hpp"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <memory>
#include <thread>

#include "kiosk/app/bank_host_link.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/kiosk_control_binding.hpp"
#include "kiosk/app/note_log.hpp"
#include "kiosk/app/screen_saving_display.hpp"
#include "kiosk/hardware/hardware_devices.hpp"
#include "kiosk/service/service_logging.hpp"
#include "kiosk/service/service_status.hpp"
#include "kiosk/service/systemd_notifier.hpp"
#include "security/os_random.hpp"
#include "ui/display.hpp"
#include "ui/layout.hpp"
#include "ui/offscreen_display.hpp"

namespace kiosk {

namespace {

constexpr Millis tick_period{16};  // ~60 Hz: a touch feels immediate, a poll costs nothing

bool display_available() {
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY"}) {
        const char* value = std::getenv(name);
        if (value != nullptr && *value != '\0') return true;
    }
    return false;
}

// The screen: the panel in a full-screen window when there is a display server; the offscreen
// display otherwise (a terminal booted without its panel still serves its journal and CRM, and
// goes out of service on its own). A window that cannot be made is logged, not fatal.
class ProductionDisplay {
public:
    ProductionDisplay(const KioskConfig& config, const ProductionOptions& options) {
        const ui::FontPaths fonts = ui::FontPaths::in_directory(config.font_dir);
        const ui::DisplaySize size{config.display.width, config.display.height, config.display.dpi};
        if (!options.save_screens && display_available()) {
            try {
                ui::DisplayOptions window;
                window.kind = ui::DisplayKind::Window;
                window.fonts = fonts;
                window.bank_name = config.bank_name;
                window.fullscreen = true;
                window.size = size;
                window_ = ui::make_display(window);
                description_ = "full-screen window";
                return;
            } catch (const std::exception& error) {
                spdlog::error("display: {}; using the offscreen display", error.what());
            }
        }
        offscreen_ = std::make_unique<ui::OffscreenDisplay>(
            fonts, config.bank_name, ui::resolve_viewport(size, ui::kScreenWidth, ui::kScreenHeight));
        description_ = "offscreen";
        if (options.save_screens) {
            saving_ = std::make_unique<ScreenSavingDisplay>(*offscreen_, config.screens_dir);
            description_ += ", saving screens to " + config.screens_dir.string();
        }
    }

    ui::Display& display() {
        if (window_) return *window_;
        if (saving_) return *saving_;
        return *offscreen_;
    }
    [[nodiscard]] const std::string& description() const { return description_; }

private:
    std::unique_ptr<ui::Display> window_;
    std::unique_ptr<ui::OffscreenDisplay> offscreen_;
    std::unique_ptr<ScreenSavingDisplay> saving_;
    std::string description_;
};

// Each device's link at start, opened once here so the log says at once what is missing.
std::string report_devices(hardware::HardwareDevices& devices) {
    std::string summary;
    for (const hardware::DeviceLink& link : devices.links()) {
        const Status open = link.transport->ensure_open();
        const std::string state =
            open.ok() ? "connected"
                      : (drivers::is_disconnected(open.error()) ? "not connected" : open.error().to_string());
        if (open.ok()) {
            spdlog::info("{} {}: {}", link.name, link.transport->label(), state);
        } else {
            spdlog::warn("{} {}: {}", link.name, link.transport->label(), state);
        }
        summary += (summary.empty() ? "" : "; ") + link.name + " " + state;
    }
    return summary;
}

void journal(CxRecorder& cx, std::string_view event, const std::string& resource, const std::string& detail) {
    if (Status recorded = cx.record_event("system", event, "success", resource, detail); !recorded.ok()) {
        spdlog::error("journal: {}", recorded.error().to_string());
    }
}

}  // namespace

void require_production_config(const KioskConfig& config) {
    if (!config.host.configured()) {
        throw ConfigError(
            "host.address is not set: the kiosk on hardware needs its bank host ([host], "
            "docs/configuration.md)");
    }
    if (config.crm.url.empty()) {
        throw ConfigError(
            "crm.url is not set: the kiosk on hardware uploads its records to the bank's CRM ([crm], "
            "docs/configuration.md)");
    }
    if (config.crm.record_public_keys.empty()) {
        throw ConfigError(
            "crm.record_public_keys is not set: the kiosk on hardware seals its records so only the bank's CRM "
            "opens them, to the CRM's record public key \"<key id>:<base64>\" ([crm], docs/configuration.md)");
    }
}

int run_production(const KioskConfig& config, const ProductionOptions& options, const StopSignals& stop) {
    require_production_config(config);
    const std::string log_destination = service::install_service_logging(config);
    service::SystemdNotifier systemd = service::SystemdNotifier::from_environment();
    SystemClock clock;
    security::OsRandom random;
    hardware::HardwareDevices devices(config.devices, clock);
    std::unique_ptr<host::Iso8583HostLink> host = open_host_link(config.host);
    ProductionDisplay display(config, options);
    NoteLog notes(clock, [](const std::string& line) { spdlog::warn("{}", line); });  // outlives the runtime
    KioskApp app(config, KioskEnvironment{clock, random, devices.devices(), *host, display.display(), false});

    spdlog::info("kiosk {} on hardware: bank host {}:{}, CRM {}, display {}, log to {}", config.kiosk_id,
                 config.host.address, config.host.port, config.crm.url, display.description(), log_destination);
    for (const std::string& notice : app.host_certificate_notices()) spdlog::warn("bank host certificate: {}", notice);
    journal(app.cx(), "kiosk_started", config.kiosk_id, "on hardware: " + report_devices(devices));

    Runtime& runtime = app.runtime();
    runtime.on_note = [&notes](const std::string& note) { notes.note(note); };
    KioskControlBinding control(app, config, clock);  // kioskctl's way in (docs/kioskctl.md)
    spdlog::info("control socket {}", control.description());
    app.uploader().start();
    runtime.start();
    while (!stop.requested() && !runtime.quit_requested) {
        runtime.tick();
        // Ready for systemd once the fitness monitor's first round has read every device (absent
        // ones included: the kiosk is up, out of service, and says why in STATUS=). The watchdog is
        // pinged here, on the loop thread, so a loop that hangs stops the pings.
        if (runtime.device_health()) systemd.report(service::service_status_line(runtime.fitness()));
        systemd.on_turn(clock.now());
        std::this_thread::sleep_for(tick_period);
    }
    systemd.stopping();
    spdlog::info("kiosk {}: stopping ({})", config.kiosk_id, stop.requested() ? "stop signal" : "window closed");
    app.uploader().stop();
    journal(app.cx(), "kiosk_stopped", config.kiosk_id, stop.requested() ? "stop signal" : "window closed");
    return 0;
}

}  // namespace kiosk
