// The runtime's notes in the production log, each distinct text at most once a minute: an absent
// device fails its poll on every 60 Hz tick ("PIN pad poll failed: … disconnected"), which would
// otherwise fill the journal disk with the same line. Repeats are counted and reported with the
// next showing of the note.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "common/clock.hpp"

namespace kiosk {

class NoteLog {
public:
    using Sink = std::function<void(const std::string&)>;

    NoteLog(const Clock& clock, Sink sink, Millis quiet_period = Millis{60'000});

    void note(const std::string& text);

private:
    struct Seen {
        TimePoint last_shown;
        std::size_t suppressed = 0;
    };

    const Clock& clock_;
    Sink sink_;
    Millis quiet_period_;
    std::map<std::string, Seen> seen_;
};

}  // namespace kiosk
