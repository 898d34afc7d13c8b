#include "kiosk/cx/availability_tracker.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

#include "kiosk/cx/cx_day.hpp"

namespace kiosk {

void AvailabilityTracker::accumulate(TimePoint from, TimePoint to) {
    while (from < to) {
        // Split at each UTC midnight: the time belongs to the day it passed in.
        const TimePoint midnight =
            std::chrono::time_point_cast<Millis>(std::chrono::floor<std::chrono::days>(from) + std::chrono::days{1});
        const TimePoint end = std::min(to, midnight);
        const std::string day = utc_day(from);
        if (pending_.empty() || pending_.back().day != day) pending_.push_back(store::AvailabilityDelta{day, 0, 0});
        (in_service_ ? pending_.back().in_service_ms : pending_.back().out_of_service_ms) += (end - from).count();
        from = end;
    }
}

std::vector<store::AvailabilityDelta> AvailabilityTracker::observe(TimePoint now, bool in_service) {
    if (!last_ || now < *last_) {
        last_ = now;
        in_service_ = in_service;
        last_flush_ = now;
        return std::exchange(pending_, {});  // what was measured before the clock went back
    }
    accumulate(*last_, now);
    const bool due = in_service != in_service_ || utc_day(now) != utc_day(last_flush_) || now - last_flush_ >= flush_every_;
    last_ = now;
    in_service_ = in_service;
    if (!due) return {};
    last_flush_ = now;
    std::vector<store::AvailabilityDelta> due_now;
    for (store::AvailabilityDelta& delta : pending_) {
        if (delta.in_service_ms > 0 || delta.out_of_service_ms > 0) due_now.push_back(std::move(delta));
    }
    pending_.clear();
    return due_now;
}

}  // namespace kiosk
