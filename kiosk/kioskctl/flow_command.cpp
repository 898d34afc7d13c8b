// `kioskctl flow dot`: prints the flow's transition table for Graphviz (make flow-diagram).
#include <CLI/CLI.hpp>

#include "kiosk/flow/flow_dot.hpp"
#include "kiosk/kioskctl/commands.hpp"

namespace kiosk::kioskctl {

int run_flow_dot(std::ostream& out) {
    out << flow::transition_table_dot();
    return kExitOk;
}

void register_flow_commands(CLI::App& app, ToolContext& tool) {
    CLI::App* flow = app.add_subcommand("flow", "The customer flow's state machine");
    // The table is compiled in, so this one needs no config: docs can be drawn on any checkout.
    flow->add_subcommand("dot", "Print the transition table as a Graphviz DOT digraph")->callback([&tool] {
        tool.exit_code = run_flow_dot(tool.io.out);
    });
}

}  // namespace kiosk::kioskctl
