// Time comes from a Clock, never from the system directly, so that every timer and timestamp can
// be driven by the simulator's virtual clock (sim/virtual_clock.hpp) in tests and demos.
#pragma once

#include <chrono>
#include <cstdint>

namespace kiosk {

using Millis = std::chrono::milliseconds;
// Wall-clock time with millisecond resolution (Unix epoch).
using TimePoint = std::chrono::time_point<std::chrono::system_clock, Millis>;

inline std::int64_t to_unix_millis(TimePoint t) { return t.time_since_epoch().count(); }
inline TimePoint from_unix_millis(std::int64_t ms) { return TimePoint(Millis(ms)); }

class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] TimePoint now() const override {
        return std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now());
    }
};

}  // namespace kiosk
