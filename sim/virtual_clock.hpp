// The simulator's clock: time moves only when a test or the demo says so, so a 120-second timeout
// is exercised in microseconds and every run is reproducible.
// Used by: tests/kiosk/runtime_test.cpp, tests/e2e/, `kiosk --sim --headless` (the demo).
#pragma once

#include <mutex>

#include "common/clock.hpp"

namespace kiosk::sim {

class VirtualClock final : public Clock {
public:
    // 2026-01-05 09:00:00 UTC: a fixed, plausible start so receipts and records are reproducible.
    static constexpr std::int64_t default_start_unix_ms = 1'767'603'600'000;

    explicit VirtualClock(TimePoint start = from_unix_millis(default_start_unix_ms)) : now_(start) {}

    [[nodiscard]] TimePoint now() const override {
        std::lock_guard lock(mutex_);
        return now_;
    }

    void advance(Millis step) {
        std::lock_guard lock(mutex_);
        now_ += step;
    }

    void set(TimePoint time) {
        std::lock_guard lock(mutex_);
        now_ = time;
    }

private:
    mutable std::mutex mutex_;  // the uploader thread reads the time too
    TimePoint now_;
};

}  // namespace kiosk::sim
