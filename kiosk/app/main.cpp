// kiosk: the firmware's entry point. `kiosk --sim` runs on the simulator in a window;
// `kiosk --sim --headless` runs the built-in demo without a display, saving every screen as PNG.
// Start-up errors (config, fonts, database, keys, CRM) end in one line on stderr and exit 1.
#include <CLI/CLI.hpp>
#include <iostream>

#include "kiosk/app/headless_demo.hpp"
#include "kiosk/app/window_session.hpp"
#include "kiosk/config/kiosk_config.hpp"

int main(int argc, char** argv) {
    CLI::App cli{"kiosk: self-service banking terminal firmware"};
    bool simulator = false;
    bool headless = false;
    std::string config_path;
    cli.add_flag("--sim", simulator, "Run on the simulator: simulated devices, bank host and CRM");
    cli.add_flag("--headless", headless, "No window: run the demo scenario, save screens as PNG, exit");
    cli.add_option("--config", config_path, "TOML configuration file (see docs/configuration.md)")
        ->check(CLI::ExistingFile);
    CLI11_PARSE(cli, argc, argv);

    try {
        kiosk::KioskConfig config = config_path.empty() ? kiosk::KioskConfig{} : kiosk::load_config(config_path);
        if (!simulator) {
            // The USB drivers exist, but device discovery from config is not wired yet: say so
            // rather than start a terminal that cannot reach its hardware.
            std::cerr << "kiosk: running on real hardware is not supported yet; use --sim\n";
            return 2;
        }
        return headless ? kiosk::run_headless_demo(config, std::cout) : kiosk::run_window_session(config);
    } catch (const std::exception& error) {
        std::cerr << "kiosk: " << error.what() << "\n";
        return 1;
    }
}
