// kiosk-sim: the kiosk on the simulator (`kiosk --sim …` execs it with the same arguments, so
// --sim is accepted and implied). In a window by default; `--headless` runs the built-in demo
// without a display, saving every screen as PNG; `--trace FILE` records the device trace of either;
// `--headless --replay FILE` reproduces a recorded trace instead of the demo (docs/simulator.md,
// "Trace and replay"); `--headless --serve` idles with the control sockets open until stopped. Start-up errors (config, fonts, database, keys, CRM, trace file) end in one
// line on stderr and exit 1.
#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>

#include "kiosk/app/customer_load.hpp"
#include "kiosk/app/headless_demo.hpp"
#include "kiosk/app/headless_replay.hpp"
#include "kiosk/app/headless_serve.hpp"
#include "kiosk/app/window_session.hpp"
#include "kiosk/config/kiosk_config.hpp"
#include "kiosk/simulator/external_crm.hpp"
#include "sim/devices/card_deck.hpp"

namespace {

// CLI11 check: the replay's card must be one of the simulator's deck cards.
std::string deck_card_check(const std::string& id) {
    std::string known;
    for (const kiosk::sim::VirtualCard& card : kiosk::sim::card_deck()) {
        if (card.id == id) return {};
        known += (known.empty() ? "" : ", ") + card.id;
    }
    return "no deck card '" + id + "'; known: " + known;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"kiosk-sim: the kiosk on the simulator (what `kiosk --sim` runs)"};
    bool simulator = false;
    bool headless = false;
    std::string config_path;
    std::string trace_path;
    std::string replay_path;
    std::string replay_card = "visa-alice";
    std::string crm_ready;
    bool serve = false;
    kiosk::CustomerLoad load;
    bool under_load = false;
    cli.add_flag("--sim", simulator, "Implied: simulated devices, bank host and CRM (accepted as `kiosk --sim` passes it)");
    auto* headless_flag =
        cli.add_flag("--headless", headless, "No window: run the demo scenario, save screens as PNG, exit");
    cli.add_option("--config", config_path, "TOML configuration file (see docs/configuration.md)")
        ->check(CLI::ExistingFile);
    cli.add_option("--trace", trace_path, "Record every device command, event and touch to this file (JSON Lines)");
    auto* replay = cli.add_option("--replay", replay_path,
                                  "Replay this recorded device trace into the simulator instead of the demo")
                       ->check(CLI::ExistingFile)
                       ->needs(headless_flag);
    cli.add_option("--replay-card", replay_card, "Deck card inserted for each recorded insertion")
        ->check(CLI::Validator(deck_card_check, "DECK-CARD"))
        ->needs(replay);
    cli.add_flag("--serve", serve,
                 "With --headless: no demo; idle on the real clock with the control sockets open until stopped "
                 "(kioskctl status, kioskctl sim …)")
        ->needs(headless_flag)
        ->excludes(replay);
    auto* load_option = cli.add_option_function<std::size_t>(
                               "--load",
                               [&](std::size_t visits) {
                                   under_load = true;
                                   load.visits = visits;
                               },
                               "No window: simulated customers visit after visit (0: until stopped), the CRM "
                               "uploader running; for crash tests")
                            ->excludes(headless_flag);
    cli.add_flag_callback(
           "--drain",
           [&] {
               under_load = true;
               load.drain = true;
           },
           "No window, no customers: deliver the outbox to the CRM, exit 0 once it is empty")
        ->excludes(headless_flag)
        ->excludes(load_option);
    cli.add_option("--crm-ready", crm_ready,
                   "Use the simulated CRM process that wrote this ready file (kiosk-sim-crm serve --ready-file)")
        ->check(CLI::ExistingFile);
    CLI11_PARSE(cli, argc, argv);

    try {
        kiosk::KioskConfig config = config_path.empty() ? kiosk::KioskConfig{} : kiosk::load_config(config_path);
        // The simulated CRM is its own process, as the bank's is: one given (crash tests), or
        // started here for this run — except for a trace replay, which needs no CRM of its own.
        std::optional<kiosk::CrmChildProcess> crm_process;
        if (crm_ready.empty() && replay_path.empty()) {
            crm_process.emplace(config.data_dir / "sim-crm");
            crm_ready = crm_process->ready_file().string();
        }
        if (!crm_ready.empty()) {
            kiosk::use_external_crm(config, crm_ready);
            config.sim.external_crm = true;
            config.sim.crm_ready_file = crm_ready;
        }
        kiosk::sim::SimInstrumentOptions instruments;
        instruments.control_socket = config.control_socket_path();
        if (!trace_path.empty()) instruments.trace_file = trace_path;
        if (!replay_path.empty()) {
            instruments.replay_file = replay_path;
            instruments.replay.card_id = replay_card;
            return kiosk::run_headless_replay(config, instruments, std::cout);
        }
        if (under_load) return kiosk::run_customer_load(config, load, std::cout);
        if (serve) return kiosk::run_headless_serve(config, instruments, std::cout);
        return headless ? kiosk::run_headless_demo(config, instruments, std::cout)
                        : kiosk::run_window_session(config, instruments);
    } catch (const std::exception& error) {
        std::cerr << "kiosk: " << error.what() << "\n";
        return 1;
    }
}
