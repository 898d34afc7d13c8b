// What every kioskctl command shares: where its output goes, the clock, the --config path, and
// the two steps most commands begin with — load the config, open the existing database.
#pragma once

#include <filesystem>
#include <functional>
#include <istream>
#include <ostream>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "kiosk/config/kiosk_config.hpp"
#include "store/database.hpp"

namespace CLI {
class App;
}

namespace kiosk::kioskctl {

// Exit codes, documented in docs/kioskctl.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;      // config, database or keys file unreadable or invalid
inline constexpr int kExitUnavailable = 69;  // the running kiosk could not be reached (EX_UNAVAILABLE)
inline constexpr int kExitUsage = 64;        // bad command line or bad input (EX_USAGE of sysexits.h)
inline constexpr int kExitConfig = 78;       // `status` only: config unreadable (EX_CONFIG; 1 means degraded)

inline constexpr std::string_view kDefaultConfigPath = "kiosk/config/sim.toml";

struct Streams {
    std::ostream& out;
    std::ostream& err;
};

// One "kioskctl: <what went wrong>" line on the error stream.
void report_error(std::ostream& err, std::string_view message);

// Filled in by the parser, read by the command callbacks.
struct ToolContext {
    ToolContext(Streams streams, const Clock& time_source, std::istream& input)
        : io(streams), clock(time_source), in(input) {}

    Streams io;
    const Clock& clock;
    std::istream& in;  // secrets are read from here, one per line, never from the command line
    std::filesystem::path config_path{kDefaultConfigPath};
    int exit_code = kExitOk;
    // --json (any command): the output is one JSON document. A command that prints its own JSON
    // sets json_native; any other's lines are wrapped (kioskctl_app.cpp) as {"exit_code", "lines"}.
    bool json = false;
    bool json_native = false;
    // Commands that have subcommands and also act on their own (`cx` shows, `cx upload` queues):
    // choosing one without a subcommand is not "needs a command".
    std::vector<const CLI::App*> commands_that_act_alone;
};

// Loads tool.config_path and runs `command` with it; a ConfigError becomes one error line and
// kExitFailure.
int with_config(const ToolContext& tool, const std::function<int(const KioskConfig&)>& command);

// One secret line from `in`, without its line end; echo is off while it is typed on a terminal.
// Fails naming `what` when the input ends first or the line is empty.
Result<std::string> read_secret(std::istream& in, std::ostream& prompt_to, std::string_view what);

// Opens the database at `path` only if it already exists: store::Database::open would otherwise
// create an empty one, and a technician pointing at the wrong data_dir must be told so instead.
Result<store::Database> open_existing_database(const std::filesystem::path& path);

}  // namespace kiosk::kioskctl
