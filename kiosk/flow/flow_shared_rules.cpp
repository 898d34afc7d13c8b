#include "kiosk/flow/flow_shared_rules.hpp"

#include <algorithm>

namespace kiosk::flow {

namespace {

bool plain(const TransitionRow& row) {
    return row.guard == nullptr && row.guard_name.empty() && !row.internal && !row.reverse && !row.first;
}

bool has_plain_row(StateId state, SharedRule rule) {
    const auto rows = transition_table();
    return std::any_of(rows.begin(), rows.end(), [&](const TransitionRow& row) {
        return row.from == state && row.on == rule.on && row.to == rule.to && plain(row);
    });
}

std::vector<StateId> find_interactive_states() {
    std::vector<StateId> states;
    for (const TransitionRow& row : transition_table()) {
        const bool resumes = row.from == StateId::MoreTime && row.on == EventKind::MoreTimeYes && row.guard != nullptr;
        if (resumes && std::find(states.begin(), states.end(), row.to) == states.end()) states.push_back(row.to);
    }
    return states;
}

std::vector<SharedRule> find_shared_rules() {
    const std::span<const StateId> states = interactive_states();
    std::vector<SharedRule> rules;
    if (states.empty()) return rules;
    for (const TransitionRow& row : transition_table()) {
        if (row.from != states.front() || !plain(row)) continue;
        const SharedRule candidate{row.on, row.to};
        const bool everywhere = std::all_of(states.begin(), states.end(),
                                            [&](StateId state) { return has_plain_row(state, candidate); });
        if (everywhere && std::find(rules.begin(), rules.end(), candidate) == rules.end()) rules.push_back(candidate);
    }
    return rules;
}

}  // namespace

std::span<const StateId> interactive_states() {
    static const std::vector<StateId> states = find_interactive_states();
    return states;
}

std::span<const SharedRule> shared_rules() {
    static const std::vector<SharedRule> rules = find_shared_rules();
    return rules;
}

bool is_shared_row(const TransitionRow& row) {
    const auto rules = shared_rules();
    return plain(row) && std::find(rules.begin(), rules.end(), SharedRule{row.on, row.to}) != rules.end();
}

std::vector<SharedRule> shared_rules_of(StateId state) {
    std::vector<SharedRule> rules;
    for (const SharedRule& rule : shared_rules()) {
        if (has_plain_row(state, rule)) rules.push_back(rule);
    }
    return rules;
}

}  // namespace kiosk::flow
