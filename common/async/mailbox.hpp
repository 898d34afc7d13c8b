// Mailbox: how work done off the loop comes back to it. Any thread may push; only the loop drains,
// and draining never waits. Completions of device commands and host requests arrive here as
// closures that the loop runs on its own thread (docs/architecture.md, "Threads").
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <vector>

namespace kiosk {

template <class Item>
class Mailbox {
public:
    void push(Item item) {
        {
            const std::lock_guard lock(mutex_);
            items_.push_back(std::move(item));
        }
        arrived_.notify_all();
    }

    // Everything that has arrived, oldest first; empty at once when nothing has.
    [[nodiscard]] std::vector<Item> drain() {
        const std::lock_guard lock(mutex_);
        std::vector<Item> taken(std::make_move_iterator(items_.begin()), std::make_move_iterator(items_.end()));
        items_.clear();
        return taken;
    }

    // For a loop with nothing to draw (and for tests): sleeps until something arrives or `limit`
    // passes. The runtime's tick() never calls it.
    bool wait_for_item(std::chrono::milliseconds limit) {
        std::unique_lock lock(mutex_);
        return arrived_.wait_for(lock, limit, [this] { return !items_.empty(); });
    }

    [[nodiscard]] std::size_t size() const {
        const std::lock_guard lock(mutex_);
        return items_.size();
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable arrived_;
    std::deque<Item> items_;
};

// What the loop's mailbox carries: a continuation to run on the loop thread.
using LoopTask = std::function<void()>;
using LoopMailbox = Mailbox<LoopTask>;

}  // namespace kiosk
