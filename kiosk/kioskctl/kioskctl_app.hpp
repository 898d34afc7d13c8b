// The kioskctl command line: builds the CLI11 parser with every command group, parses, runs the
// chosen command and returns the process exit code (tool_context.hpp lists them).
#pragma once

#include <ostream>

#include "common/clock.hpp"

namespace kiosk::kioskctl {

// Never throws: a bad argument, an unreadable config or database, or any unexpected exception
// becomes one "kioskctl: …" line on `err` and a non-zero exit code.
int run_kioskctl(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const Clock& clock);

}  // namespace kiosk::kioskctl
