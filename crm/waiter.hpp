// How the uploader thread pauses between rounds: injected, so tests decide whether a "5 minute"
// backoff takes five minutes, no time at all, or blocks until stop() — and can see what was asked.
#pragma once

#include <condition_variable>
#include <mutex>

#include "common/clock.hpp"

namespace kiosk::crm {

class Waiter {
public:
    virtual ~Waiter() = default;
    // Blocks for up to `duration`. Returns false if interrupt() ended (or precedes) the wait.
    virtual bool wait_for(Millis duration) = 0;
    // Thread-safe. Ends the current wait and makes later waits return at once, until reset().
    virtual void interrupt() = 0;
    virtual void reset() = 0;
};

// Production: real elapsed time on the steady clock, interruptible through a condition variable.
class SteadyWaiter final : public Waiter {
public:
    bool wait_for(Millis duration) override {
        std::unique_lock lock(mutex_);
        return !woken_.wait_for(lock, duration, [this] { return interrupted_; });
    }
    void interrupt() override {
        {
            std::lock_guard lock(mutex_);
            interrupted_ = true;
        }
        woken_.notify_all();
    }
    void reset() override {
        std::lock_guard lock(mutex_);
        interrupted_ = false;
    }

private:
    std::mutex mutex_;
    std::condition_variable woken_;
    bool interrupted_ = false;
};

}  // namespace kiosk::crm
