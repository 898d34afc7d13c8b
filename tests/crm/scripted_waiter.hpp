// A Waiter for tests: every wait is recorded and blocks until the test calls advance() (or the
// uploader is stopped), so the uploader thread moves one step at a time under the test's control.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "crm/waiter.hpp"

namespace kiosk::testing {

class ScriptedWaiter final : public crm::Waiter {
public:
    bool wait_for(Millis duration) override {
        std::unique_lock lock(mutex_);
        waits_.push_back(duration);
        changed_.notify_all();
        const std::size_t ticket = waits_.size();
        changed_.wait(lock, [&] { return interrupted_ || released_ >= ticket; });
        return !interrupted_;
    }
    void interrupt() override {
        std::lock_guard lock(mutex_);
        interrupted_ = true;
        changed_.notify_all();
    }
    void reset() override {
        std::lock_guard lock(mutex_);
        interrupted_ = false;
    }

    // Ends the oldest unreleased wait.
    void advance() {
        std::lock_guard lock(mutex_);
        ++released_;
        changed_.notify_all();
    }

    // Blocks until at least `count` waits have begun (bounded, so a broken uploader fails the
    // test instead of hanging it). Returns the durations asked for so far.
    std::vector<Millis> await_waits(std::size_t count, Millis limit = Millis{10'000}) {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, limit, [&] { return waits_.size() >= count; });
        return waits_;
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<Millis> waits_;
    std::size_t released_ = 0;
    bool interrupted_ = false;
};

}  // namespace kiosk::testing
