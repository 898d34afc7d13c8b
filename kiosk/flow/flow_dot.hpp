// Draws the transition table as a Graphviz DOT digraph: one node per state, one edge per row,
// labelled with the event and guard. `kioskctl flow dot` prints it; docs/flow.svg is rendered
// from it.
#pragma once

#include <string>

namespace kiosk::flow {

std::string transition_table_dot();

}  // namespace kiosk::flow
