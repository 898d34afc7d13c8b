// `kioskctl counters`: every persistent counter (notes per cassette, cards retained, …).
#include <algorithm>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "kiosk/kioskctl/commands.hpp"
#include "kiosk/kioskctl/display_text.hpp"
#include "store/counters.hpp"

namespace kiosk::kioskctl {

int run_counters(const KioskConfig& config, Streams io, bool as_json) {
    auto database = open_existing_database(config.database_path());
    if (!database) {
        report_error(io.err, database.error().to_string());
        return kExitFailure;
    }
    store::Counters counters(*database);
    auto all = counters.all();
    if (!all) {
        report_error(io.err, "reading the counters of " + config.database_path().string() + ": " +
                                 all.error().to_string());
        return kExitFailure;
    }
    if (as_json) {
        nlohmann::json counters_json = nlohmann::json::object();
        for (const auto& [name, value] : *all) counters_json[safe_text(name)] = value;
        io.out << counters_json.dump() << '\n';
        return kExitOk;
    }
    if (all->empty()) {
        io.out << "no counters yet in " << config.database_path().string() << '\n';
        return kExitOk;
    }
    std::size_t width = 0;
    for (const auto& [name, value] : *all) width = std::max(width, safe_text(name).size());
    for (const auto& [name, value] : *all) {
        const std::string shown = safe_text(name);
        io.out << shown << std::string(width - shown.size() + 2, ' ') << value << '\n';
    }
    return kExitOk;
}

void register_counters_command(CLI::App& app, ToolContext& tool) {
    app.add_subcommand("counters", "Print every persistent counter")->callback([&tool] {
        tool.json_native = tool.json;
        tool.exit_code = with_config(tool, [&tool](const KioskConfig& config) {
            return run_counters(config, tool.io, tool.json);
        });
    });
}

}  // namespace kiosk::kioskctl
