// The Journal page's quick searches (docs/technician.md): what a technician at the machine asks
// the journal most — today's failures, the cash, the cards, the service actions, or just the last
// lines — each one button (touch or PIN-pad digit), so no text needs typing. The query runs on the
// service worker (MaintenanceService); this says what each asks and how a found line reads.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "common/clock.hpp"
#include "kiosk/flow/service_mode.hpp"
#include "store/journal_query.hpp"
#include "ui/view_model.hpp"

namespace kiosk::store {
struct JournalEntry;
}

namespace kiosk::maintenance {

// The newest lines a page has room for, under its heading line and two rows of buttons.
inline constexpr std::size_t kJournalSearchLinesShown = 6;

// JournalFailures … JournalAll.
bool is_journal_search(flow::ServiceAction action);
// The search behind `action` (nullopt for any other action); "today" starts at local midnight
// before `now`, the technician's wall clock like the page's times.
std::optional<store::JournalQuery> journal_search_query(flow::ServiceAction action, TimePoint now);
// Midnight of `now`'s day in the terminal's local time zone.
TimePoint local_day_start(TimePoint now);
// The page's lines for what a search found, newest first: a heading ("Cash: 3 lines") and one fact
// per line — local time HH:MM:SS, actor, event, outcome — as the journal holds them (tokens only;
// a customer's token is shortened, it means nothing on the screen).
std::vector<ui::FactLine> journal_search_facts(flow::ServiceAction action, const std::vector<store::JournalEntry>& found);

}  // namespace kiosk::maintenance
