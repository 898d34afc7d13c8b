// The last round trip to a far end (the bank host, the CRM), recorded where the request ran (on
// its worker or thread) and read by the service mode's Network page: when it ended, how long it
// took, whether it was answered, and since when the far end has been failing. Times come from the
// Clock the recorder was given, so a virtual clock gives 0 ms in tests.
#pragma once

#include <mutex>
#include <optional>
#include <string>

#include "common/clock.hpp"

namespace kiosk {

struct RoundTrip {
    TimePoint at{};       // when the answer (or the failure) came
    Millis took{0};       // from sending to that moment
    bool answered = false;
    std::string error;    // why not, when not answered
    std::optional<TimePoint> failing_since;  // the first failure of the current run of failures
};

// A thread-safe holder: the worker writes, the loop reads a copy.
class RoundTripLog {
public:
    void answered(TimePoint sent, TimePoint at) {
        std::lock_guard lock(mutex_);
        last_ = RoundTrip{at, std::chrono::duration_cast<Millis>(at - sent), true, {}, std::nullopt};
    }
    void failed(TimePoint sent, TimePoint at, std::string error) {
        std::lock_guard lock(mutex_);
        const std::optional<TimePoint> since =
            last_ && !last_->answered && last_->failing_since ? last_->failing_since : std::optional<TimePoint>(at);
        last_ = RoundTrip{at, std::chrono::duration_cast<Millis>(at - sent), false, std::move(error), since};
    }
    [[nodiscard]] std::optional<RoundTrip> last() const {
        std::lock_guard lock(mutex_);
        return last_;
    }

private:
    mutable std::mutex mutex_;
    std::optional<RoundTrip> last_;
};

}  // namespace kiosk
