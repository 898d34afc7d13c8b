#include "common/async/request_worker.hpp"

namespace kiosk::async_detail {

JobQueue::JobQueue(std::string name) : name_(std::move(name)), thread_([this] { run(); }) {}

JobQueue::~JobQueue() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
        jobs_.clear();
    }
    changed_.notify_all();
    thread_.join();
}

void JobQueue::push(RequestId id, std::function<void()> job) {
    {
        const std::lock_guard lock(mutex_);
        jobs_.emplace_back(id, std::move(job));
    }
    changed_.notify_all();
}

bool JobQueue::remove(RequestId id) {
    const std::lock_guard lock(mutex_);
    for (auto it = jobs_.begin(); it != jobs_.end(); ++it) {
        if (it->first == id) {
            jobs_.erase(it);
            changed_.notify_all();
            return true;
        }
    }
    return false;
}

bool JobQueue::wait_idle(std::chrono::milliseconds limit) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, limit, [this] { return jobs_.empty() && !running_; });
}

bool JobQueue::idle() const {
    const std::lock_guard lock(mutex_);
    return jobs_.empty() && !running_;
}

void JobQueue::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        changed_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (stopping_) return;
        std::function<void()> job = std::move(jobs_.front().second);
        jobs_.pop_front();
        running_ = true;
        lock.unlock();
        job();  // never throws: RequestWorker carries a target's exception to the loop
        lock.lock();
        running_ = false;
        changed_.notify_all();
    }
}

}  // namespace kiosk::async_detail
