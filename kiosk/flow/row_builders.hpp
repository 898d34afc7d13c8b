// Builders for TransitionRow, so a transition table reads as a table: go / when (a guard) move to
// another state, stay / stay_when act in place, and the wrappers mark a row's extra duties. Used by
// the customer table (flow_table.cpp) and the service mode's rows (flow_service_rows.cpp).
#pragma once

#include <string_view>

#include "host/host_messages.hpp"
#include "kiosk/flow/flow_table.hpp"

namespace kiosk::flow::rows {

constexpr TransitionRow go(StateId from, EventKind on, StateId to, Action action = nullptr) {
    return TransitionRow{from, on, to, {}, nullptr, action, false};
}
constexpr TransitionRow when(StateId from, EventKind on, StateId to, std::string_view guard_name, Guard guard,
                             Action action = nullptr) {
    return TransitionRow{from, on, to, guard_name, guard, action, false};
}
constexpr TransitionRow stay(StateId from, EventKind on, Action action) {
    return TransitionRow{from, on, from, {}, nullptr, action, true};
}
constexpr TransitionRow stay_when(StateId from, EventKind on, std::string_view guard_name, Guard guard, Action action) {
    return TransitionRow{from, on, from, guard_name, guard, action, true};
}
// The row's first effect, before its action's (the PIN block is taken before anything else).
constexpr TransitionRow first(FirstEffect effect, TransitionRow row) {
    row.first = effect;
    return row;
}
constexpr TransitionRow reversing(TransitionRow row, host::ReversalReason reason) {
    row.reverse = reason;
    return row;
}
constexpr TransitionRow recording(TransitionRow row) {
    row.record = true;
    return row;
}
constexpr TransitionRow settling(TransitionRow row) {
    row.settle = true;
    return row;
}

}  // namespace kiosk::flow::rows
