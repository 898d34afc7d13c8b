// ScreenErrorWindow: customer errors per screen over a sliding window of time, for the "repeated
// customer errors on one screen" alert — one wrong PIN is a customer, ten on the same screen within
// the hour is usually the kiosk (a PIN pad that misreads, a card reader that cannot read chips).
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "kiosk/health/health_conditions.hpp"

namespace kiosk {

class ScreenErrorWindow {
public:
    ScreenErrorWindow(Millis window, int threshold) : window_(window), threshold_(threshold) {}

    void add(std::string screen, TimePoint at);
    // The screens with `threshold` or more errors in the window ending at `now` (older ones are
    // forgotten), in screen-name order.
    std::vector<ScreenErrorBurst> bursts(TimePoint now);

private:
    struct Seen {
        std::string screen;
        TimePoint at;
    };
    Millis window_;
    int threshold_;
    std::deque<Seen> seen_;  // oldest first
};

}  // namespace kiosk
