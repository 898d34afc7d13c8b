// The rules every interactive state shares (the NDC rule: cancel closes the session, a timeout asks
// "more time?"), found in the transition table itself so the diagrams can draw them once, in the
// legend, instead of once per state.
#pragma once

#include <span>
#include <vector>

#include "kiosk/flow/flow_table.hpp"

namespace kiosk::flow {

// An (event, target) pair that stands for one unguarded row in each state that follows it.
struct SharedRule {
    EventKind on;
    StateId to;

    friend bool operator==(const SharedRule&, const SharedRule&) = default;
};

// The states the customer works in: the ones "more time? yes" can return to (MoreTime's guarded
// MoreTimeYes rows), in table order.
std::span<const StateId> interactive_states();

// The (event, target) pairs of unguarded rows that every interactive state has, in the order of the
// first interactive state's rows: Cancel → Closing and Timeout → MoreTime with the table as it is.
std::span<const SharedRule> shared_rules();

// A row that is nothing but a shared rule: no guard, no effect first, no reversal, not internal.
// Other states may have such rows too (ConfirmNewPin, AnotherTransaction's Cancel): they follow
// the rule as well.
bool is_shared_row(const TransitionRow& row);

// The shared rules `state` follows (the ones its own rows match), in shared_rules() order.
std::vector<SharedRule> shared_rules_of(StateId state);

}  // namespace kiosk::flow
