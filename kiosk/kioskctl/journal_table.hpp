// The journal lines as `kioskctl journal show` prints them — one aligned table, every text field
// through safe_text — shared with `journal search`, so a search shows nothing `show` would not.
#pragma once

#include <ostream>
#include <vector>

#include "store/journal.hpp"

namespace kiosk::kioskctl {

// A header row, then one row per entry in the given order.
void print_journal_table(std::ostream& out, const std::vector<store::JournalEntry>& entries);

}  // namespace kiosk::kioskctl
