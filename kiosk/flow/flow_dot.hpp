// Draws the flow's diagrams (flow_diagram.hpp) as Graphviz DOT, top down: one node per state (a
// state this diagram only ends in, once per state leading to it), one edge per group of rows with the
// same ends and style, labelled with each row's event and guard; red for Cancel, dashed for Timeout,
// bold for a row that reverses; rows that stay in a state are listed inside it. `kioskctl flow dot
// --diagram NAME` prints them; `make flow-diagram` writes docs/flow/.
#pragma once

#include <string>

#include "kiosk/flow/flow_diagram.hpp"

namespace kiosk::flow {

std::string diagram_dot(const Diagram& diagram);
std::string diagram_dot(DiagramId id);

}  // namespace kiosk::flow
