#include "kiosk/app/headless_serve.hpp"

#include <spdlog/spdlog.h>

#include <thread>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/kiosk_control_binding.hpp"
#include "kiosk/app/stop_signals.hpp"
#include "kiosk/service/service_logging.hpp"
#include "kiosk/simulator/simulator_rig.hpp"
#include "security/os_random.hpp"
#include "ui/offscreen_display.hpp"

namespace kiosk {

int run_headless_serve(KioskConfig config, const sim::SimInstrumentOptions& instruments, std::ostream& out) {
    const StopSignals stop;
    // As on a terminal off systemd: console and <log dir>/kiosk.jsonl (what `kioskctl logs` reads).
    const std::string log_destination = service::install_service_logging(config);
    SystemClock clock;
    security::OsRandom random;
    SimulatorRig rig(config, config.data_dir / "sim-pki", instruments, &clock);
    ui::OffscreenDisplay display(ui::FontPaths::in_directory(config.font_dir), config.bank_name);
    KioskEnvironment environment{clock, random, rig.devices(), rig.host_link(), display, true};
    KioskApp app(config, environment);
    Runtime& runtime = app.runtime();
    rig.instrument(runtime);
    rig.serve_profiles(runtime, app.tokenizer());
    runtime.on_note = [](const std::string& note) { spdlog::warn("{}", note); };
    KioskControlBinding control(app, config, clock);  // after instrument(): it chains on_turn
    app.uploader().start();
    runtime.start();
    out << "kiosk " << config.kiosk_id << " serving on the simulator: control socket " << control.description()
        << ", simulator socket " << config.control_socket_path().string() << ", log to " << log_destination << "\n"
        << std::flush;
    while (!stop.requested() && !runtime.quit_requested) {
        runtime.tick();
        std::this_thread::sleep_for(std::chrono::milliseconds(16));
    }
    app.uploader().stop();
    out << "kiosk " << config.kiosk_id << " stopped\n";
    return 0;
}

}  // namespace kiosk
