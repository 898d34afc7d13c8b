#include "kiosk/flow/flow_dot.hpp"

#include <sstream>

#include "kiosk/flow/flow_table.hpp"

namespace kiosk::flow {

std::string transition_table_dot() {
    std::ostringstream dot;
    dot << "digraph customer_flow {\n"
           "  rankdir=LR;\n"
           "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#e8eef7\", fontname=\"Helvetica\"];\n"
           "  edge [fontname=\"Helvetica\", fontsize=10];\n";
    for (const StateId state : all_states()) dot << "  " << to_string(state) << ";\n";
    for (const TransitionRow& row : transition_table()) {
        dot << "  " << to_string(row.from) << " -> " << to_string(row.to) << " [label=\"" << to_string(row.on);
        if (!row.guard_name.empty()) dot << "\\n[" << row.guard_name << "]";
        dot << "\"";
        if (row.on == EventKind::Timeout) dot << ", style=dashed, color=\"#a05a00\"";
        if (row.on == EventKind::Cancel) dot << ", color=\"#8a1c1c\"";
        dot << "];\n";
    }
    dot << "}\n";
    return dot.str();
}

}  // namespace kiosk::flow
