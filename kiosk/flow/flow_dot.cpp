#include "kiosk/flow/flow_dot.hpp"

#include <algorithm>
#include <span>
#include <sstream>

namespace kiosk::flow {

namespace {

constexpr std::string_view kCancelColor = "#8a1c1c";
constexpr std::string_view kTimeoutColor = "#a05a00";
constexpr std::string_view kNoteColor = "#5a5a5a";

// Inside a DOT "quoted string" (a line break as DOT's centred \n).
std::string quoted(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

// Inside a DOT <HTML label>.
std::string html(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string small_note(std::string_view text) {
    return "<br/><font point-size=\"8\" color=\"" + std::string(kNoteColor) + "\">" + html(text) + "</font>";
}

std::string shared_note(std::span<const SharedRule> rules) {
    std::string text;
    for (const SharedRule& rule : rules) text += (text.empty() ? "+ " : ", ") + std::string(to_string(rule.on));
    return text;
}

// One row as label text: event [guard], then the effect done first and the reversal each on a line
// of its own (`separator` "; " inside a state, where lines are kept for the rows).
std::string row_line(const TransitionRow& row, std::string_view separator = "\n") {
    std::string line(to_string(row.on));
    if (!row.guard_name.empty()) line += " [" + std::string(row.guard_name) + "]";
    if (row.first) line += std::string(separator) + "first " + std::string(to_string(std::visit([](const auto& first) { return first.kind; }, *row.first)));
    if (row.reverse) line += std::string(separator) + "reverse " + std::string(host::to_string(*row.reverse));
    return line;
}

std::string internal_note(const std::vector<const TransitionRow*>& rows) {
    std::string text;
    for (const TransitionRow* row : rows) text += (text.empty() ? "stays on " : ", ") + row_line(*row, "; ");
    return text;
}

std::string node_id(const DiagramNode& node) {
    switch (node.kind) {
        case NodeKind::State: return std::string(to_string(node.state));
        case NodeKind::AnyInteractiveState: return "any_interactive_state";
        case NodeKind::DiagramLink: return "to_" + std::string(diagram_info(*node.elsewhere).name);
    }
    return "unknown";
}

void write_node(std::ostream& dot, const DiagramNode& node, const std::string& id) {
    dot << "  \"" << quoted(id) << "\"";
    switch (node.kind) {
        case NodeKind::State: {
            std::string notes;
            if (node.elsewhere) notes += small_note("see " + std::string(diagram_info(*node.elsewhere).name));
            if (!node.shared.empty()) notes += small_note(shared_note(node.shared));
            if (!node.internal.empty()) notes += small_note(internal_note(node.internal));
            if (node.elsewhere) dot << " [style=\"rounded,dashed\", label=<" << html(to_string(node.state)) << notes << ">]";
            if (!node.elsewhere && !notes.empty()) dot << " [label=<" << html(to_string(node.state)) << notes << ">]";
            break;
        }
        case NodeKind::AnyInteractiveState:
            dot << " [style=\"rounded,filled,dashed\", label=<<i>any interactive state</i>"
                << small_note("the states marked " + shared_note(shared_rules())) << ">]";
            break;
        case NodeKind::DiagramLink:
            dot << " [shape=cds, style=filled, fillcolor=\"#fff4d6\", label=\""
                << quoted(diagram_info(*node.elsewhere).name) << " diagram\"]";
            break;
    }
    dot << ";\n";
}

// A state another diagram draws that this one only ends in (Closing, CardRetained, ReceiptChoice)
// is drawn once per state leading to it, beside that state: one shared sink would pull every
// such edge across the picture.
class NodeIds {
public:
    explicit NodeIds(const Diagram& diagram) : diagram_(diagram) {}

    bool is_end(std::size_t node) const {
        const DiagramNode& n = diagram_.nodes[node];
        return n.kind == NodeKind::State && n.elsewhere &&
               std::none_of(diagram_.edges.begin(), diagram_.edges.end(),
                            [&](const DiagramEdge& edge) { return edge.from == node; });
    }
    std::string id(std::size_t node) const { return node_id(diagram_.nodes[node]); }
    std::string target(const DiagramEdge& edge) const {
        return is_end(edge.to) ? id(edge.to) + " after " + id(edge.from) : id(edge.to);
    }
    // The ids a node is drawn under: its copies, one per state leading to it, for an end.
    std::vector<std::string> drawn_as(std::size_t node) const {
        if (!is_end(node)) return {id(node)};
        std::vector<std::string> ids;
        for (const DiagramEdge& edge : diagram_.edges) {
            const std::string copy = target(edge);
            if (edge.to == node && std::find(ids.begin(), ids.end(), copy) == ids.end()) ids.push_back(copy);
        }
        return ids;
    }

private:
    const Diagram& diagram_;
};

std::string edge_label(const DiagramEdge& edge) {
    switch (edge.label) {
        case EdgeLabel::SharedRule: return std::string(to_string(edge.rule->on));
        case EdgeLabel::Resume: return std::string(to_string(EventKind::MoreTimeYes)) + "\n[back where it timed out]";
        case EdgeLabel::Rows: break;
    }
    std::string label;
    for (const TransitionRow* row : edge.rows) label += (label.empty() ? "" : "\n") + row_line(*row);
    return label;
}

void write_edge(std::ostream& dot, const NodeIds& ids, const DiagramEdge& edge) {
    dot << "  \"" << quoted(ids.id(edge.from)) << "\" -> \"" << quoted(ids.target(edge)) << "\" [label=\""
        << quoted(edge_label(edge)) << "\"";
    switch (edge.style) {
        case EdgeStyle::Cancel: dot << ", color=\"" << kCancelColor << "\", fontcolor=\"" << kCancelColor << "\""; break;
        case EdgeStyle::Timeout: dot << ", style=dashed, color=\"" << kTimeoutColor << "\""; break;
        case EdgeStyle::Plain: break;
    }
    if (edge.reverses) dot << ", penwidth=2.2";
    dot << "];\n";
}

// The legend's key: one sample edge per style, each drawn across (its two ends on one rank), one
// under the other, then what the marks on the states mean.
void write_key(std::ostream& dot) {
    struct Sample {
        std::string_view id;
        std::string label;
        std::string attributes;
    };
    const std::vector<Sample> samples{
        {"cancel", std::string(to_string(EventKind::Cancel)),
         "color=\"" + std::string(kCancelColor) + "\", fontcolor=\"" + std::string(kCancelColor) + "\""},
        {"timeout", std::string(to_string(EventKind::Timeout)), "style=dashed, color=\"" + std::string(kTimeoutColor) + "\""},
        {"reverse", "asks for a reversal", "penwidth=2.2"},
    };
    dot << "  subgraph cluster_key {\n"
           "    label=\"Key\"; fontsize=11; style=rounded; color=\"#bbbbbb\";\n"
           "    node [shape=point, width=0.06, color=\"#555555\"];\n";
    std::string previous;
    for (const Sample& sample : samples) {
        const std::string from = "key_" + std::string(sample.id) + "_from";
        const std::string to = "key_" + std::string(sample.id) + "_to";
        dot << "    { rank=same; " << from << "; " << to << "; }\n"
            << "    " << from << " -> " << to << " [label=\"" << quoted(sample.label) << "\", " << sample.attributes
            << ", minlen=3];\n";
        if (!previous.empty()) dot << "    " << previous << " -> " << from << " [style=invis];\n";
        previous = from;
    }
    const std::string_view line_end = "<br align=\"left\"/>";
    dot << "    key_notes [shape=plain, style=solid, label=<"
        << "[guard]: the row's condition" << line_end                          //
        << "first E: effect E done before the target is entered" << line_end  //
        << html(shared_note(shared_rules())) << ": the state follows these shared rules" << line_end
        << "stays on E: E keeps the state without entering it again (no entry effects)" << line_end
        << "dashed box, see D: its rows are drawn in diagram D" << line_end << ">];\n"
        << "    " << previous << " -> key_notes [style=invis];\n";
    dot << "  }\n";
}

}  // namespace

std::string diagram_dot(const Diagram& diagram) {
    const DiagramInfo& info = diagram_info(diagram.id);
    std::ostringstream dot;
    dot << "// Drawn by `kioskctl flow dot --diagram " << info.name
        << "` from the transition table (kiosk/flow/flow_table.cpp).\n"
           "// Do not edit: change the table and run `make flow-diagram`.\n"
        << "digraph \"" << quoted(info.name) << "\" {\n"
        << "  graph [rankdir=TB, labelloc=t, fontname=\"Helvetica\", fontsize=16, nodesep=0.4, ranksep=0.5, label=<<b>"
        << html(info.title) << "</b>";
    if (diagram.id != DiagramId::Legend) {
        dot << "<br/><font point-size=\"10\">the rows every interactive state shares (+ under a name) are in the "
               "legend</font>";
    }
    dot << ">];\n"
           "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#e8eef7\", color=\"#4a6890\", "
           "fontname=\"Helvetica\", fontsize=11];\n"
           "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#333333\"];\n";
    const NodeIds ids(diagram);
    for (std::size_t node = 0; node < diagram.nodes.size(); ++node) {
        for (const std::string& id : ids.drawn_as(node)) write_node(dot, diagram.nodes[node], id);
    }
    for (const DiagramEdge& edge : diagram.edges) write_edge(dot, ids, edge);
    if (diagram.id == DiagramId::Legend) write_key(dot);
    dot << "}\n";
    return dot.str();
}

std::string diagram_dot(DiagramId id) { return diagram_dot(select_diagram(id)); }

}  // namespace kiosk::flow
