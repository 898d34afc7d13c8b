// Finds one row of the transition table by its ends, for the diagram tests.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "kiosk/flow/flow_table.hpp"

namespace kiosk::flow {

inline const TransitionRow& table_row(StateId from, EventKind on, std::string_view guard_name = {}) {
    for (const TransitionRow& row : transition_table()) {
        if (row.from == from && row.on == on && (guard_name.empty() || row.guard_name == guard_name)) return row;
    }
    throw std::logic_error("no row " + std::string(to_string(from)) + " on " + std::string(to_string(on)));
}

// The row taken when no guarded row before it is (the table's fallback for that state and event).
inline const TransitionRow& fallback_row(StateId from, EventKind on) {
    for (const TransitionRow& row : transition_table()) {
        if (row.from == from && row.on == on && row.guard == nullptr) return row;
    }
    throw std::logic_error("no fallback row " + std::string(to_string(from)) + " on " + std::string(to_string(on)));
}

}  // namespace kiosk::flow
