// `kioskctl flow dot [--diagram NAME]` and `kioskctl flow diagrams`: the customer flow's diagrams
// for Graphviz, drawn from the transition table (make flow-diagram writes them to docs/flow/).
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "kiosk/flow/flow_dot.hpp"
#include "kiosk/kioskctl/commands.hpp"

namespace kiosk::kioskctl {

namespace {

std::string diagram_names() {
    std::string names;
    for (const flow::DiagramInfo& info : flow::diagrams()) names += (names.empty() ? "" : ", ") + std::string(info.name);
    return names;
}

}  // namespace

int run_flow_dot(std::string_view diagram, Streams io) {
    const std::optional<flow::DiagramId> id = flow::diagram_named(diagram);
    if (!id) {
        report_error(io.err, "no flow diagram named \"" + std::string(diagram) + "\"; one of: " + diagram_names());
        return kExitUsage;
    }
    io.out << flow::diagram_dot(*id);
    return kExitOk;
}

int run_flow_diagrams(std::ostream& out) {
    for (const flow::DiagramInfo& info : flow::diagrams()) out << info.name << "  " << info.title << '\n';
    return kExitOk;
}

void register_flow_commands(CLI::App& app, ToolContext& tool) {
    CLI::App* flow = app.add_subcommand("flow", "The customer flow's state machine");
    // The table is compiled in, so these need no config: docs can be drawn on any checkout.
    auto diagram = std::make_shared<std::string>(kDefaultFlowDiagram);
    CLI::App* dot = flow->add_subcommand("dot", "Print one diagram of the transition table as a Graphviz DOT digraph");
    dot->add_option("--diagram,-d", *diagram, "Which diagram: " + diagram_names())->capture_default_str();
    dot->callback([&tool, diagram] { tool.exit_code = run_flow_dot(*diagram, tool.io); });
    flow->add_subcommand("diagrams", "List the diagram names `flow dot --diagram` takes, with their titles")
        ->callback([&tool] { tool.exit_code = run_flow_diagrams(tool.io.out); });
}

}  // namespace kiosk::kioskctl
