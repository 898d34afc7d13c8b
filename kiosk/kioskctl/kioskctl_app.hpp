// The kioskctl command line: builds the CLI11 parser with every command group, parses, runs the
// chosen command and returns the process exit code (tool_context.hpp lists them).
#pragma once

#include <iostream>
#include <istream>
#include <ostream>

#include "common/clock.hpp"

namespace kiosk::kioskctl {

// Never throws: a bad argument, an unreadable config or database, or any unexpected exception
// becomes one "kioskctl: …" line on `err` and a non-zero exit code.
// Secrets (a technician's PIN/password) are read from `in`, one per line.
int run_kioskctl(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const Clock& clock,
                 std::istream& in = std::cin);

}  // namespace kiosk::kioskctl
