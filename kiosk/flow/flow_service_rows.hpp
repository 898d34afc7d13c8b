// The service mode's rows of the transition table (docs/technician.md, docs/flow.md § Service
// mode): sign-in, the pages and their actions, the replenishment's counts and the way out through
// the fitness check. The way in during a customer's visit is a rule of Flow::step, not a row per
// state: the visit ends as Cancel would end it, wherever Cancel is taken.
#pragma once

#include <vector>

#include "kiosk/flow/flow_table.hpp"

namespace kiosk::flow {

std::vector<TransitionRow> service_rows();

// States of the service mode (no customer is served in them).
[[nodiscard]] bool is_service_state(StateId state);
// The pad entry a service state starts on entering it; nullopt for the others.
[[nodiscard]] std::optional<KeyEntry> service_key_entry(const Context& context);

}  // namespace kiosk::flow
