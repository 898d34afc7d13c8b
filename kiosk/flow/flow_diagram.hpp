// The customer flow as a set of readable pictures, each chosen from the transition table: a legend
// for the rules every interactive state shares, an overview of the states all sessions pass, one
// diagram per transaction and one for what follows every transaction (receipt, another
// transaction). flow_dot.hpp draws them; docs/flow/ holds them as drawn.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "kiosk/flow/flow_shared_rules.hpp"
#include "kiosk/flow/flow_table.hpp"

namespace kiosk::flow {

enum class DiagramId {
    Legend, Overview, Withdrawal, Balance, MiniStatement, Transfer, PinChange, Cardless, Receipt, Survey, Complaint,
    Service
};

struct DiagramInfo {
    DiagramId id;
    std::string_view name;   // `kioskctl flow dot --diagram NAME`, docs/flow/NAME.dot
    std::string_view title;
    // Transactions: the row that starts one (MainMenu's choice, Attract's cardless button).
    std::optional<StateId> start_state{};
    std::optional<EventKind> start_event{};
};

// Every diagram, in the order the docs show them.
std::span<const DiagramInfo> diagrams();
const DiagramInfo& diagram_info(DiagramId id);
std::optional<DiagramId> diagram_named(std::string_view name);

enum class NodeKind {
    State,                // one state of the table
    AnyInteractiveState,  // the legend's stand-in for each interactive state
    DiagramLink,          // the overview's pointer to a transaction's own diagram
};

struct DiagramNode {
    NodeKind kind = NodeKind::State;
    StateId state = StateId::Attract;  // NodeKind::State
    // A state whose rows another diagram draws (this one shows only how it is reached, and the
    // rows this diagram's transaction adds); for a DiagramLink, the diagram it points to.
    std::optional<DiagramId> elsewhere{};
    std::vector<SharedRule> shared{};  // the shared rules a state drawn here follows
    // Rows that stay in the state without entering it again (a key press), listed inside it as
    // UML draws internal transitions, not as loops.
    std::vector<const TransitionRow*> internal{};
};

enum class EdgeStyle { Plain, Cancel, Timeout };

enum class EdgeLabel {
    Rows,        // one line per row: event, [guard], effect first, reversal
    SharedRule,  // the legend's shared rule: its event
    Resume,      // the legend's MoreTimeYes rows, one per interactive state, drawn as one edge
};

// Rows with the same ends, style and reversal are drawn as one edge with a line per row.
struct DiagramEdge {
    std::size_t from = 0;  // index into Diagram::nodes
    std::size_t to = 0;
    EdgeStyle style = EdgeStyle::Plain;
    bool reverses = false;  // the rows ask for a reversal
    EdgeLabel label = EdgeLabel::Rows;
    std::vector<const TransitionRow*> rows{};
    std::optional<SharedRule> rule{};  // EdgeLabel::SharedRule
};

struct Diagram {
    DiagramId id = DiagramId::Overview;
    std::vector<DiagramNode> nodes;
    std::vector<DiagramEdge> edges;
};

// Chooses a diagram's states and rows from the table:
// - legend: the shared rules from a stand-in interactive state, and the states they lead to that
//   no other diagram draws (MoreTime), their MoreTimeYes rows back as one edge;
// - overview: from Attract with no transaction chosen, a transaction's first row ending at a link
//   to its diagram;
// - a transaction: its first row, then every row its guards allow for it until the states other
//   diagrams draw (the overview's, Receipt's, the legend's), where only the rows this transaction
//   adds are followed (a wrong PIN's retry);
// - receipt: from ReceiptChoice and AnotherTransaction for any transaction;
// - survey: from Closing when the survey gate offered it, to ThankYou.
// - complaint: the complaint states, and the rows into them from Closing that a report asked for
//   or a failure adds (the overview, the legend and the transactions point at them).
// Shared rows are never drawn outside the legend; each state drawn here lists those it follows.
Diagram select_diagram(DiagramId id);

}  // namespace kiosk::flow
