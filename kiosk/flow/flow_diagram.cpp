#include "kiosk/flow/flow_diagram.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <functional>
#include <stdexcept>
#include <string>

#include "kiosk/flow/flow_guard_probe.hpp"

namespace kiosk::flow {

namespace {

using S = StateId;
using E = EventKind;

constexpr std::array diagram_list{
    DiagramInfo{DiagramId::Legend, "legend", "Rules every interactive state shares"},
    DiagramInfo{DiagramId::Overview, "overview", "Overview: the states every session passes"},
    DiagramInfo{DiagramId::Withdrawal, "withdrawal", "Withdrawal", S::MainMenu, E::ChooseWithdrawal},
    DiagramInfo{DiagramId::Balance, "balance", "Balance inquiry", S::MainMenu, E::ChooseBalance},
    DiagramInfo{DiagramId::MiniStatement, "mini-statement", "Mini statement", S::MainMenu, E::ChooseMiniStatement},
    DiagramInfo{DiagramId::Transfer, "transfer", "Transfer between own accounts", S::MainMenu, E::ChooseTransfer},
    DiagramInfo{DiagramId::PinChange, "pin-change", "PIN change", S::MainMenu, E::ChooseChangePin},
    DiagramInfo{DiagramId::Cardless, "cardless", "Cardless withdrawal", S::Attract, E::ChooseCardless},
    DiagramInfo{DiagramId::Receipt, "receipt", "After a transaction: receipt and another transaction"},
    DiagramInfo{DiagramId::Survey, "survey", "After card and cash are taken: the survey"},
    DiagramInfo{DiagramId::Complaint, "complaint", "Report a problem: offer, category, confirmation, reference"},
    DiagramInfo{DiagramId::Service, "service", "Service mode: sign-in, pages and actions, leaving"},
};

// Drawn once, in the service diagram; the overview shows only the way in.
constexpr std::array service_states{S::ServiceSignIn, S::ServiceMenu, S::ServiceEnterCount, S::ServiceLeaving};

// Where every card transaction goes once it is done: drawn once, in the receipt diagram.
constexpr std::array receipt_entries{S::ReceiptChoice, S::AnotherTransaction};

// Drawn once, in the complaint diagram; every other diagram shows only the way in.
constexpr std::array complaint_states{S::ComplaintOffer, S::ComplaintCategory, S::ComplaintConfirm, S::ComplaintDone};

using Elsewhere = std::function<std::optional<DiagramId>(StateId)>;

EdgeStyle style_of(const TransitionRow& row) {
    if (row.on == E::Cancel) return EdgeStyle::Cancel;
    if (row.on == E::Timeout) return EdgeStyle::Timeout;
    return EdgeStyle::Plain;
}

EdgeStyle style_of(SharedRule rule) {
    if (rule.on == E::Cancel) return EdgeStyle::Cancel;
    if (rule.on == E::Timeout) return EdgeStyle::Timeout;
    return EdgeStyle::Plain;
}

// The diagram a row starts, when it is a transaction's first row.
std::optional<DiagramId> started_by(const TransitionRow& row) {
    for (const DiagramInfo& info : diagram_list) {
        if (info.start_state == row.from && info.start_event == row.on) return info.id;
    }
    return std::nullopt;
}

const TransitionRow& start_row(const DiagramInfo& info) {
    for (const TransitionRow& row : transition_table()) {
        if (row.from == info.start_state && row.on == info.start_event) return row;
    }
    throw std::logic_error("no row starts the " + std::string(info.name) + " diagram");
}

bool is_resume_row(const TransitionRow& row) {
    const auto states = interactive_states();
    return row.on == E::MoreTimeYes && row.guard != nullptr &&
           std::find(states.begin(), states.end(), row.to) != states.end();
}

class Builder {
public:
    explicit Builder(DiagramId id) { diagram_.id = id; }

    std::size_t state(StateId state, std::optional<DiagramId> elsewhere) {
        for (std::size_t i = 0; i < diagram_.nodes.size(); ++i) {
            const DiagramNode& node = diagram_.nodes[i];
            if (node.kind == NodeKind::State && node.state == state) return i;
        }
        DiagramNode node{NodeKind::State, state, elsewhere};
        if (!elsewhere) node.shared = shared_rules_of(state);
        return add(node);
    }
    std::size_t link(DiagramId target) { return find_or_add(DiagramNode{NodeKind::DiagramLink, S::Attract, target}); }
    std::size_t any_interactive_state() { return find_or_add(DiagramNode{NodeKind::AnyInteractiveState}); }

    bool has_state(StateId state) const {
        return std::any_of(diagram_.nodes.begin(), diagram_.nodes.end(),
                           [&](const DiagramNode& node) { return node.kind == NodeKind::State && node.state == state; });
    }

    void row(const TransitionRow& row, std::size_t from, std::size_t to, EdgeLabel label = EdgeLabel::Rows) {
        if (row.internal && label == EdgeLabel::Rows) {
            diagram_.nodes[from].internal.push_back(&row);
            return;
        }
        const EdgeStyle style = label == EdgeLabel::Resume ? EdgeStyle::Plain : style_of(row);
        const bool reverses = row.reverse.has_value();
        for (DiagramEdge& edge : diagram_.edges) {
            if (edge.from == from && edge.to == to && edge.style == style && edge.reverses == reverses &&
                edge.label == label) {
                edge.rows.push_back(&row);
                return;
            }
        }
        diagram_.edges.push_back(DiagramEdge{from, to, style, reverses, label, {&row}});
    }
    void rule(SharedRule rule, std::size_t from, std::size_t to) {
        diagram_.edges.push_back(DiagramEdge{from, to, style_of(rule), false, EdgeLabel::SharedRule, {}, rule});
    }

    Diagram take() { return std::move(diagram_); }

private:
    std::size_t add(const DiagramNode& node) {
        diagram_.nodes.push_back(node);
        return diagram_.nodes.size() - 1;
    }
    std::size_t find_or_add(const DiagramNode& wanted) {
        for (std::size_t i = 0; i < diagram_.nodes.size(); ++i) {
            const DiagramNode& node = diagram_.nodes[i];
            if (node.kind == wanted.kind && node.elsewhere == wanted.elsewhere) return i;
        }
        return add(wanted);
    }

    Diagram diagram_;
};

// Walks the table breadth-first from `entries`: what a diagram draws of each state it reaches.
struct Walk {
    std::vector<StateId> entries;
    std::vector<Context> contexts;  // the guards' possible contexts in this diagram
    Elsewhere elsewhere;            // the states another diagram draws
    const TransitionRow* first = nullptr;  // the transaction's first row, drawn whatever its state
    bool collapse_resumes = false;         // the legend's MoreTimeYes rows, as one edge
};

void walk(Builder& builder, const Walk& plan) {
    const std::vector<Context> session = contexts_without_transaction();
    std::deque<StateId> queue;
    auto reach = [&](StateId state) {
        const bool seen = builder.has_state(state);
        const std::size_t node = builder.state(state, plan.elsewhere(state));
        if (!seen) queue.push_back(state);
        return node;
    };
    for (const StateId entry : plan.entries) {  // queued even when drawn already (the legend's MoreTime)
        builder.state(entry, plan.elsewhere(entry));
        queue.push_back(entry);
    }
    while (!queue.empty()) {
        const StateId state = queue.front();
        queue.pop_front();
        const std::size_t from = builder.state(state, {});
        const bool drawn_elsewhere = plan.elsewhere(state).has_value();
        for (const TransitionRow& row : transition_table()) {
            if (row.from != state) continue;
            if (&row == plan.first) {
                builder.row(row, from, reach(row.to));
                continue;
            }
            if (is_shared_row(row)) continue;
            if (plan.collapse_resumes && is_resume_row(row)) {
                builder.row(row, from, builder.any_interactive_state(), EdgeLabel::Resume);
                continue;
            }
            if (const auto link = started_by(row)) {
                if (!drawn_elsewhere) builder.row(row, from, builder.link(*link));
                continue;
            }
            if (!can_take(row, plan.contexts)) continue;
            // At a state drawn elsewhere, only what this diagram's transaction adds to it.
            if (drawn_elsewhere && can_take(row, session)) continue;
            builder.row(row, from, reach(row.to));
        }
    }
}

std::vector<StateId> states_drawn_in(const Diagram& diagram) {
    std::vector<StateId> states;
    for (const DiagramNode& node : diagram.nodes) {
        if (node.kind == NodeKind::State && !node.elsewhere) states.push_back(node.state);
    }
    return states;
}

bool contains(const std::vector<StateId>& states, StateId state) {
    return std::find(states.begin(), states.end(), state) != states.end();
}

std::vector<Context> contexts_of_every_transaction() {
    std::vector<Context> contexts;
    for (const DiagramInfo& info : diagram_list) {
        if (!info.start_state) continue;
        const std::vector<Context> more = contexts_after(start_row(info));
        contexts.insert(contexts.end(), more.begin(), more.end());
    }
    return contexts;
}

// The shared rules' targets no other diagram draws (MoreTime): the legend's own states.
std::vector<StateId> legend_states(const std::vector<StateId>& overview) {
    std::vector<StateId> states;
    for (const SharedRule& rule : shared_rules()) {
        if (!contains(overview, rule.to) && !contains(states, rule.to)) states.push_back(rule.to);
    }
    return states;
}

// The states other diagrams draw, by diagram; the first owner listed wins.
Elsewhere outside(std::vector<std::pair<DiagramId, std::vector<StateId>>> owners) {
    return [owners = std::move(owners)](StateId state) -> std::optional<DiagramId> {
        for (const auto& [id, states] : owners) {
            if (contains(states, state)) return id;
        }
        return std::nullopt;
    };
}

std::vector<StateId> complaint_list() { return {complaint_states.begin(), complaint_states.end()}; }
std::vector<StateId> service_list() { return {service_states.begin(), service_states.end()}; }

Diagram overview_diagram() {
    // Stops at the complaint states only: the shared rules' targets are reached by shared rows
    // only, which are not drawn.
    Builder builder(DiagramId::Overview);
    walk(builder, Walk{{S::Attract}, contexts_without_transaction(),
                       outside({{DiagramId::Complaint, complaint_list()}, {DiagramId::Service, service_list()}})});
    return builder.take();
}

const std::vector<StateId>& overview_states() {
    static const std::vector<StateId> states = states_drawn_in(overview_diagram());
    return states;
}

Diagram receipt_diagram() {
    Builder builder(DiagramId::Receipt);
    const std::vector<StateId>& overview = overview_states();
    walk(builder, Walk{{receipt_entries.begin(), receipt_entries.end()}, contexts_of_every_transaction(),
                       outside({{DiagramId::Overview, overview}, {DiagramId::Legend, legend_states(overview)}})});
    return builder.take();
}

const std::vector<StateId>& receipt_states() {
    static const std::vector<StateId> states = states_drawn_in(receipt_diagram());
    return states;
}

// The contexts the complaint rows' guards read: a report asked for, a failure that suggests one,
// a category chosen.
std::vector<Context> complaint_contexts() {
    Context asked;
    asked.report_asked = true;
    Context failed;
    failed.reason = CloseReason::DispenseFailed;
    Context chosen;
    chosen.complaint_category = ComplaintCategory::Other;
    return {asked, failed, chosen};
}

Diagram complaint_diagram() {
    Builder builder(DiagramId::Complaint);
    const std::vector<StateId>& overview = overview_states();
    std::vector<StateId> entries{S::Closing};
    entries.insert(entries.end(), complaint_states.begin(), complaint_states.end());
    walk(builder, Walk{entries, complaint_contexts(), outside({{DiagramId::Overview, overview}})});
    return builder.take();
}

// The contexts the service rows' guards read: signed in as a technician or a supervisor, or not yet.
std::vector<Context> service_contexts() {
    Context technician;
    technician.service_role = ServiceRole::Technician;
    Context supervisor;
    supervisor.service_role = ServiceRole::Supervisor;
    return {Context{}, technician, supervisor};
}

Diagram service_diagram() {
    Builder builder(DiagramId::Service);
    const std::vector<StateId>& overview = overview_states();
    walk(builder, Walk{service_list(), service_contexts(), outside({{DiagramId::Overview, overview}})});
    return builder.take();
}

Diagram legend_diagram() {
    Builder builder(DiagramId::Legend);
    const std::vector<StateId>& overview = overview_states();
    const Elsewhere elsewhere = outside({{DiagramId::Overview, overview}});
    const std::size_t any = builder.any_interactive_state();
    for (const SharedRule& rule : shared_rules()) builder.rule(rule, any, builder.state(rule.to, elsewhere(rule.to)));
    std::vector<Context> contexts = contexts_of_every_transaction();
    const std::vector<Context> session = contexts_without_transaction();
    contexts.insert(contexts.end(), session.begin(), session.end());
    walk(builder, Walk{legend_states(overview), contexts, elsewhere, nullptr, true});
    return builder.take();
}

// Closing is the overview's: only its row into the survey, which the gate's offer opens, is drawn.
Diagram survey_diagram() {
    Builder builder(DiagramId::Survey);
    const std::vector<StateId>& overview = overview_states();
    walk(builder, Walk{{S::Closing}, contexts_of_survey(),
                       outside({{DiagramId::Overview, overview}, {DiagramId::Complaint, complaint_list()}})});
    return builder.take();
}

Diagram transaction_diagram(const DiagramInfo& info) {
    Builder builder(info.id);
    const TransitionRow& first = start_row(info);
    const std::vector<StateId>& overview = overview_states();
    walk(builder, Walk{{first.from}, contexts_after(first),
                       outside({{DiagramId::Overview, overview},
                                {DiagramId::Receipt, receipt_states()},
                                {DiagramId::Legend, legend_states(overview)},
                                {DiagramId::Complaint, complaint_list()}}),
                       &first});
    return builder.take();
}

}  // namespace

std::span<const DiagramInfo> diagrams() { return diagram_list; }

const DiagramInfo& diagram_info(DiagramId id) {
    for (const DiagramInfo& info : diagram_list) {
        if (info.id == id) return info;
    }
    throw std::logic_error("unknown diagram");
}

std::optional<DiagramId> diagram_named(std::string_view name) {
    for (const DiagramInfo& info : diagram_list) {
        if (info.name == name) return info.id;
    }
    return std::nullopt;
}

Diagram select_diagram(DiagramId id) {
    switch (id) {
        case DiagramId::Legend: return legend_diagram();
        case DiagramId::Overview: return overview_diagram();
        case DiagramId::Receipt: return receipt_diagram();
        case DiagramId::Survey: return survey_diagram();
        case DiagramId::Complaint: return complaint_diagram();
        case DiagramId::Service: return service_diagram();
        case DiagramId::Withdrawal:
        case DiagramId::Balance:
        case DiagramId::MiniStatement:
        case DiagramId::Transfer:
        case DiagramId::PinChange:
        case DiagramId::Cardless: return transaction_diagram(diagram_info(id));
    }
    throw std::logic_error("unknown diagram");
}

}  // namespace kiosk::flow
