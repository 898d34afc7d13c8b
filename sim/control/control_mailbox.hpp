// ControlMailbox: carries work from the control socket's thread to the thread that owns the
// simulated devices (the kiosk runtime's loop, principle 6: threads only at the edges). The
// socket thread call()s and waits, bounded; the loop thread pump()s once per tick and runs what
// is queued. A job that has not started when the caller gives up is cancelled, never run late.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

#include <nlohmann/json.hpp>

#include "common/clock.hpp"
#include "common/result.hpp"

namespace kiosk::sim {

class ControlMailbox {
public:
    using Job = std::function<nlohmann::json()>;

    // Any thread but the loop's: queues `job` and waits up to `timeout` for the loop to run it.
    Result<nlohmann::json> call(Job job, Millis timeout);

    // The loop thread: runs every job queued so far. Returns how many ran.
    std::size_t pump();

private:
    struct Slot {
        Job job;
        std::mutex mutex;
        std::condition_variable done_signal;
        bool started = false;
        bool cancelled = false;
        bool done = false;
        nlohmann::json reply;
    };

    std::mutex mutex_;
    std::deque<std::shared_ptr<Slot>> queue_;
};

}  // namespace kiosk::sim
