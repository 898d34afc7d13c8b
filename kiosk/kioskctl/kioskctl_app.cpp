// Builds kioskctl's parser from the command groups and runs it (see kioskctl_app.hpp).
#include "kiosk/kioskctl/kioskctl_app.hpp"

#include <algorithm>
#include <exception>
#include <string>

#include <sstream>
#include <string_view>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "kiosk/kioskctl/commands.hpp"

namespace kiosk::kioskctl {
namespace {

// The innermost chosen command must be a leaf: "kioskctl outbox" alone names no action. Checked
// here rather than with CLI11's require_subcommand, whose message ("A subcommand is required")
// would hide a mistyped command name behind it instead of naming the unexpected word.
int run_parsed(int argc, const char* const* argv, ToolContext& tool, std::ostream& out, std::ostream& err);

bool names_an_action(const CLI::App& app, const std::vector<const CLI::App*>& act_alone, std::ostream& err) {
    const CLI::App* chosen = &app;
    std::string path = app.get_name();
    while (!chosen->get_subcommands().empty()) {
        chosen = chosen->get_subcommands().front();
        path += " " + chosen->get_name();
    }
    const auto choices = chosen->get_subcommands([](const CLI::App*) { return true; });
    if (choices.empty()) return true;
    if (std::find(act_alone.begin(), act_alone.end(), chosen) != act_alone.end()) return true;
    std::string names;
    for (const CLI::App* choice : choices) names += (names.empty() ? "" : ", ") + choice->get_name();
    report_error(err, "`" + path + "` needs a command, one of: " + names + " (see " + path + " --help)");
    return false;
}

// --json for a command without JSON of its own: its lines, unchanged, in one object.
void wrap_lines_as_json(const std::string& text, int code, std::ostream& out) {
    nlohmann::json lines = nlohmann::json::array();
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    out << nlohmann::json{{"exit_code", code}, {"lines", lines}}.dump(-1, ' ', false,
                                                                      nlohmann::json::error_handler_t::replace)
        << '\n';
}

}  // namespace

int run_kioskctl(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const Clock& clock,
                 std::istream& in) {
    // --json is looked for before parsing: the commands' output is captured for it from the start.
    bool wants_json = false;
    for (int i = 1; i < argc; ++i) wants_json = wants_json || std::string_view(argv[i]) == "--json";
    std::ostringstream captured;
    ToolContext tool(Streams{wants_json ? static_cast<std::ostream&>(captured) : out, err}, clock, in);
    const int code = run_parsed(argc, argv, tool, out, err);
    if (wants_json) {
        if (tool.json_native || code == kExitUsage) {
            out << captured.str();
        } else {
            wrap_lines_as_json(captured.str(), code, out);
        }
    }
    return code;
}

namespace {

int run_parsed(int argc, const char* const* argv, ToolContext& tool, std::ostream& out, std::ostream& err) {
    CLI::App app("kioskctl: inspect a kiosk's flow, outbox, journal, counters and keys "
                 "(headers, names and counts only; never payloads or key bytes)",
                 "kioskctl");
    // Lets --config follow the subcommand too (`kioskctl counters --config x.toml`).
    app.fallthrough();
    app.add_option("--config,-c", tool.config_path, "The kiosk's config file (TOML): where its database and keys are")
        ->capture_default_str();
    app.add_flag("--json", tool.json, "Print the command's output as JSON (any command; docs/kioskctl.md)");
    // CLI11's default is two lines; one line naming the problem is this tool's contract.
    app.failure_message([](const CLI::App*, const CLI::Error& error) {
        return "kioskctl: " + std::string(error.what()) + " (see kioskctl --help)\n";
    });

    register_flow_commands(app, tool);
    register_outbox_commands(app, tool);
    register_journal_commands(app, tool);
    register_counters_command(app, tool);
    register_devices_command(app, tool);
    register_keys_commands(app, tool);
    register_users_commands(app, tool);
    register_sim_commands(app, tool);
    register_cx_commands(app, tool);
    register_status_commands(app, tool);
    register_cash_commands(app, tool);
    register_logs_command(app, tool);

    try {
        app.parse(argc, argv);  // the chosen command's callback runs here and sets tool.exit_code
    } catch (const CLI::ParseError& error) {
        const int code = app.exit(error, out, err);  // --help prints to `out` and is a success
        return code == 0 ? kExitOk : kExitUsage;
    } catch (const std::exception& error) {
        report_error(err, error.what());
        return kExitFailure;
    }
    if (!names_an_action(app, tool.commands_that_act_alone, err)) return kExitUsage;
    return tool.exit_code;
}

}  // namespace

}  // namespace kiosk::kioskctl
