// CallMailbox: carries work from a server thread (a control socket's) to the loop thread that owns
// what the work reads (principle 6: threads only at the edges). The server thread call()s and
// waits, bounded; the loop thread pump()s once per turn and runs what is queued, never waiting
// itself. A job that has not started when the caller gives up is cancelled, never run late.
// The simulator's control socket (sim/control/control_service.hpp) and the kiosk's
// (kiosk/control/kiosk_control_service.hpp) both use it.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "common/clock.hpp"
#include "common/result.hpp"

namespace kiosk {

template <class Reply>
class CallMailbox {
public:
    using Job = std::function<Reply()>;

    // Any thread but the loop's: queues `job` and waits up to `timeout` for the loop to run it.
    Result<Reply> call(Job job, Millis timeout) {
        auto slot = std::make_shared<Slot>();
        slot->job = std::move(job);
        {
            std::lock_guard lock(mutex_);
            queue_.push_back(slot);
        }
        std::unique_lock lock(slot->mutex);
        if (slot->done_signal.wait_for(lock, timeout, [&] { return slot->done; })) return slot->reply;
        if (!slot->started) {
            slot->cancelled = true;
            return make_error("loop call", "the kiosk's loop did not take the request within " +
                                               std::to_string(timeout.count()) + " ms (is it stopped?)");
        }
        // Already running on the loop: it finishes in one short step; wait for it rather than
        // report a failure for something that happened.
        slot->done_signal.wait(lock, [&] { return slot->done; });
        return slot->reply;
    }

    // The loop thread: runs every job queued so far. Returns how many ran.
    std::size_t pump() {
        std::deque<std::shared_ptr<Slot>> jobs;
        {
            std::lock_guard lock(mutex_);
            jobs.swap(queue_);
        }
        std::size_t ran = 0;
        for (const auto& slot : jobs) {
            {
                std::lock_guard lock(slot->mutex);
                if (slot->cancelled) continue;
                slot->started = true;
            }
            Reply reply = slot->job();
            ++ran;
            {
                std::lock_guard lock(slot->mutex);
                slot->reply = std::move(reply);
                slot->done = true;
            }
            slot->done_signal.notify_all();
        }
        return ran;
    }

private:
    struct Slot {
        Job job;
        std::mutex mutex;
        std::condition_variable done_signal;
        bool started = false;
        bool cancelled = false;
        bool done = false;
        Reply reply{};
    };

    std::mutex mutex_;
    std::deque<std::shared_ptr<Slot>> queue_;
};

}  // namespace kiosk
