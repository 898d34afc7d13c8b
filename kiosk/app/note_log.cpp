#include "kiosk/app/note_log.hpp"

namespace kiosk {

namespace {

// Distinct notes remembered at most; beyond it the memory starts over (a flood of distinct notes
// is logged rather than held).
constexpr std::size_t max_remembered = 256;

}  // namespace

NoteLog::NoteLog(const Clock& clock, Sink sink, Millis quiet_period)
    : clock_(clock), sink_(std::move(sink)), quiet_period_(quiet_period) {}

void NoteLog::note(const std::string& text) {
    const TimePoint now = clock_.now();
    auto found = seen_.find(text);
    if (found != seen_.end() && now >= found->second.last_shown && now - found->second.last_shown < quiet_period_) {
        ++found->second.suppressed;
        return;
    }
    std::string line = text;
    if (found != seen_.end() && found->second.suppressed > 0) {
        line += " (and " + std::to_string(found->second.suppressed) + " times more since it was last logged)";
    }
    if (found == seen_.end() && seen_.size() >= max_remembered) seen_.clear();
    seen_[text] = Seen{now, 0};
    sink_(line);
}

}  // namespace kiosk
