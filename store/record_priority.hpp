// Which outbox records go first, and which may be dropped for room (docs/cx-records.md, "Kinds,
// priorities, what may be dropped"): the one mapping from a record's kind to its priority, used
// when a record is added and by migration 6 for the rows already queued.
#pragma once

#include <string_view>

namespace kiosk::store {

// Lower goes first. The numbers are stored in outbox.priority: never renumber them.
enum class RecordPriority : int {
    First = 0,      // transaction, complaint, alert
    Normal = 1,     // survey, service_quality, telemetry_dropped — and any kind not listed
    Telemetry = 2,  // journey: the only kind the size cap may drop
};

// An unknown kind is Normal, never Telemetry: a kind added later is kept until someone says it
// may be dropped.
RecordPriority record_priority(std::string_view kind);

// Whether records of this priority may be dropped (oldest first, counted) when the outbox is full.
constexpr bool droppable(RecordPriority priority) { return priority == RecordPriority::Telemetry; }

}  // namespace kiosk::store
