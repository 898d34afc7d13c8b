// How long the kiosk was in and out of service, per UTC day, measured on the loop's Clock: the
// runtime tells the tracker, every turn, whether the kiosk is serving (not OutOfService), and the
// tracker hands back the time to persist (store::AvailabilityDelta) at each change in or out of
// service, at the first turn of a new day, and at least every `flush_every` (so a crash loses at
// most that much). Time while the kiosk program is not running counts as neither. Pure: no I/O.
#pragma once

#include <optional>
#include <vector>

#include "common/clock.hpp"
#include "store/cx_stats.hpp"

namespace kiosk {

class AvailabilityTracker {
public:
    static constexpr Millis kDefaultFlushEvery{600'000};
    explicit AvailabilityTracker(Millis flush_every = kDefaultFlushEvery) : flush_every_(flush_every) {}

    // Empty most turns. A clock that went back restarts the measurement from `now`.
    std::vector<store::AvailabilityDelta> observe(TimePoint now, bool in_service);

private:
    void accumulate(TimePoint from, TimePoint to);

    Millis flush_every_;
    std::optional<TimePoint> last_;  // the previous turn
    bool in_service_ = false;        // as of the previous turn
    TimePoint last_flush_{};
    std::vector<store::AvailabilityDelta> pending_;  // per day, oldest first
};

}  // namespace kiosk
