// ControlMailbox (see control_mailbox.hpp).
#include "sim/control/control_mailbox.hpp"

namespace kiosk::sim {

Result<nlohmann::json> ControlMailbox::call(Job job, Millis timeout) {
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
        return make_error("sim control", "the kiosk's loop did not take the request within " +
                                             std::to_string(timeout.count()) + " ms (is it stopped?)");
    }
    // Already running on the loop: it finishes in one device call's time; wait for it rather
    // than report a failure for something that happened.
    slot->done_signal.wait(lock, [&] { return slot->done; });
    return slot->reply;
}

std::size_t ControlMailbox::pump() {
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
        nlohmann::json reply = slot->job();
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

}  // namespace kiosk::sim
