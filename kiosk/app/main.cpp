// kiosk: the firmware's entry point. `kiosk --config /etc/kiosk/kiosk.toml` runs the terminal on
// its own hardware (production_run.hpp) until SIGTERM or SIGINT, then exits 0. `kiosk --sim …`
// runs the simulator: this program links nothing of sim/, so it hands over to kiosk-sim beside it
// with the same arguments (simulator_handoff.hpp; `kiosk-sim --help` lists the simulator's options).
// Start-up errors (config, devices not configured, fonts, database, keys, certificates) end in one
// line on stderr and exit 1.
#include <CLI/CLI.hpp>
#include <iostream>

#include "kiosk/app/production_run.hpp"
#include "kiosk/app/simulator_handoff.hpp"
#include "kiosk/app/stop_signals.hpp"
#include "kiosk/config/kiosk_config.hpp"

int main(int argc, char** argv) {
    if (kiosk::wants_simulator(argc, argv)) return kiosk::exec_simulator(argv);

    CLI::App cli{"kiosk: self-service banking terminal firmware"};
    bool simulator = false;  // handled above; declared so that --help lists it
    std::string config_path;
    kiosk::ProductionOptions options;
    cli.add_flag("--sim", simulator,
                 "Run on the simulator instead: hands over to kiosk-sim (see `kiosk-sim --help` for its options)");
    cli.add_option("--config", config_path, "TOML configuration file (see docs/configuration.md)")
        ->required()
        ->check(CLI::ExistingFile);
    cli.add_flag("--save-screens", options.save_screens,
                 "Offscreen display, every screen saved as PNG in [ui] screens_dir (bench and tests)");
    CLI11_PARSE(cli, argc, argv);

    // Before SDL starts, so SDL leaves SIGTERM and SIGINT to us (stop_signals.hpp).
    const kiosk::StopSignals stop;
    try {
        return kiosk::run_production(kiosk::load_config(config_path), options, stop);
    } catch (const std::exception& error) {
        std::cerr << "kiosk: " << error.what() << "\n";
        return 1;
    }
}
