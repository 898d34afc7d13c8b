// How full the outbox may get (docs/store.md, "Size cap"). The cap is for telemetry: beyond it
// the oldest journey records are dropped (counted) to make room; a transaction, complaint or survey
// is never dropped, so with only those queued the outbox grows past the cap with the alarm raised.
#pragma once

#include <cstdint>

namespace kiosk::store {

struct OutboxLimits {
    std::int64_t max_records = 100'000;  // config outbox.max_records; 0 = no record cap
    std::int64_t max_bytes = 0;          // sealed bytes (iv + ciphertext + tag); 0 = no byte cap
    // The alarm is raised at alarm_percent of either cap and cleared below clear_percent, so an
    // outbox hovering at the line does not journal an alarm for every record.
    int alarm_percent = 80;
    int clear_percent = 70;
};

}  // namespace kiosk::store
