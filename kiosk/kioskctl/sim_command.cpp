// `kioskctl sim status`: meant to ask a running `kiosk --sim` for its live device status over the
// control socket. That socket and its protocol do not exist yet (docs/kioskctl.md), so the command
// says what it looked for and fails with kExitUnavailable rather than printing invented status.
#include <memory>
#include <system_error>

#include <CLI/CLI.hpp>

#include "kiosk/kioskctl/commands.hpp"

namespace kiosk::kioskctl {

std::filesystem::path control_socket_path(const KioskConfig& config) { return config.data_dir / "control.sock"; }

int run_sim_status(const std::filesystem::path& socket, Streams io) {
    std::error_code error;
    if (!std::filesystem::exists(socket, error)) {
        report_error(io.err, "kiosk control socket " + socket.string() + " not found: is `kiosk --sim` running?");
    } else {
        report_error(io.err, "kiosk control socket " + socket.string() +
                                 " exists, but this kioskctl cannot query it yet (no status protocol defined)");
    }
    return kExitUnavailable;
}

void register_sim_commands(CLI::App& app, ToolContext& tool) {
    CLI::App* sim = app.add_subcommand("sim", "The running simulator (pending: needs the kiosk's control socket)");
    CLI::App* status = sim->add_subcommand("status", "Live device status of a running `kiosk --sim`");
    auto socket = std::make_shared<std::filesystem::path>();
    status->add_option("--socket", *socket, "Control socket (default: <data_dir>/control.sock)");
    status->callback([&tool, socket] {
        tool.exit_code = with_config(tool, [&tool, socket](const KioskConfig& config) {
            return run_sim_status(socket->empty() ? control_socket_path(config) : *socket, tool.io);
        });
    });
}

}  // namespace kiosk::kioskctl
