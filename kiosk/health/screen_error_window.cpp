#include "kiosk/health/screen_error_window.hpp"

#include <map>

namespace kiosk {

void ScreenErrorWindow::add(std::string screen, TimePoint at) { seen_.push_back({std::move(screen), at}); }

std::vector<ScreenErrorBurst> ScreenErrorWindow::bursts(TimePoint now) {
    while (!seen_.empty() && now - seen_.front().at > window_) seen_.pop_front();
    std::map<std::string, int> counts;
    for (const Seen& seen : seen_) ++counts[seen.screen];
    std::vector<ScreenErrorBurst> found;
    for (const auto& [screen, errors] : counts) {
        if (errors >= threshold_) found.push_back({screen, errors, window_});
    }
    return found;
}

}  // namespace kiosk
