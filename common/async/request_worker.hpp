// RequestWorker<Target>: carries out requests on one target (a device driver, the bank host link)
// on a thread of its own, after the XFS4IoT service model: every request has an id and a deadline,
// requests run one at a time in the order they were submitted, and each gets exactly one completion,
// delivered to the loop through its mailbox. The loop never waits: submit() queues and returns the
// id; a request still unanswered at its deadline completes with timeOut at once (the target is then
// marked in error) and its late answer, when it comes, is logged and dropped, as is any answer to a
// request that was cancelled.
//
// Threads: submit, cancel, expire and the continuations all run on the loop thread; only `work`
// runs on the worker, and it must touch nothing but the target and what it captured by value.
// The seam: a vendor's XFS4IoT device service over WebSocket is one more Target (a driver whose
// calls send a command and wait for its completion), so the runtime does not change with it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

#include "common/async/completion.hpp"
#include "common/async/mailbox.hpp"
#include "common/clock.hpp"
#include "common/result.hpp"

namespace kiosk {

namespace async_detail {

// The worker's side: a FIFO of jobs and one thread that runs them.
class JobQueue {
public:
    explicit JobQueue(std::string name);
    ~JobQueue();
    JobQueue(const JobQueue&) = delete;
    JobQueue& operator=(const JobQueue&) = delete;

    void push(RequestId id, std::function<void()> job);
    // Removes a job that has not started; false when it is running or gone.
    bool remove(RequestId id);
    // Tests and orderly shutdown: true once nothing is queued or running, false after `limit`.
    bool wait_idle(std::chrono::milliseconds limit);
    [[nodiscard]] bool idle() const;

private:
    void run();

    std::string name_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::pair<RequestId, std::function<void()>>> jobs_;
    bool running_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace async_detail

// What Cancel(request id) found: a request still queued never reached the target; one already
// running may have (for a host request: money may have moved, so the caller reverses it).
enum class CancelOutcome { notOutstanding, removedBeforeStart, abandonedWhileRunning };

template <class Target>
class RequestWorker {
public:
    // Told of each answer that was dropped (late after a timeout or cancel): the loop logs it.
    using DropObserver = std::function<void(const std::string& what)>;

    // `shared`: run on this thread instead of one of its own (several targets in one FIFO, so their
    // requests run in exactly the order they were submitted: the simulator's trace and replay).
    RequestWorker(std::string name, Target& target, LoopMailbox& mailbox, const Clock& clock,
                  std::shared_ptr<async_detail::JobQueue> shared = nullptr)
        : name_(std::move(name)), target_(target), mailbox_(mailbox), clock_(clock),
          loop_(std::make_shared<LoopSide>()),
          jobs_(shared ? std::move(shared) : std::make_shared<async_detail::JobQueue>(name_)) {}
    // Stops after the running request (the thread is joined); queued requests are not run.
    ~RequestWorker() = default;
    RequestWorker(const RequestWorker&) = delete;
    RequestWorker& operator=(const RequestWorker&) = delete;

    // Queues `work` (Result<Payload>(Target&), or Status(Target&) for Payload = Done); `then`
    // (void(const Completion<Payload>&)) runs on the loop with its one completion.
    template <class Payload, class Work, class Then>
    RequestId submit(std::string command, Millis timeout, Work work, Then then) {
        const RequestId id = loop_->next_id++;
        auto finish = std::make_shared<std::function<void(const Completion<Payload>&)>>(std::move(then));
        Pending pending;
        pending.command = command;
        pending.deadline = clock_.now() + timeout;
        pending.timeout = timeout;
        pending.fail = [finish, id](CompletionCode code, const std::string& message) {
            (*finish)(Completion<Payload>{id, code, message, std::nullopt});
        };
        loop_->pending.emplace(id, std::move(pending));
        std::weak_ptr<LoopSide> loop = loop_;
        // Held by pointer: a request may own move-only data (a PIN block) and std::function copies.
        auto job = std::make_shared<Work>(std::move(work));
        // The job holds no pointer to this worker (a shared thread may outlive it): only the target
        // and the mailbox, which outlive every worker, and the continuation's weak handle.
        jobs_->push(id, [&target = target_, &mailbox = mailbox_, id, loop, finish, command = std::move(command), job,
                         name = name_]() {
            std::shared_ptr<Result<Payload>> outcome;
            std::exception_ptr thrown;
            try {
                outcome = std::make_shared<Result<Payload>>(run_work<Payload>(target, *job));
            } catch (...) {
                // Targets report failures as values; an exception is a programming error (or a
                // test's simulated crash): it is carried to the loop and rethrown there, where
                // main turns it into a stop, instead of dying silently on this thread.
                thrown = std::current_exception();
            }
            mailbox.push([loop, id, finish, outcome, thrown, command, name]() {
                if (thrown) std::rethrow_exception(thrown);
                auto side = loop.lock();
                if (!side) return;  // the worker is gone; so is whoever asked
                const auto found = side->pending.find(id);
                if (found == side->pending.end()) {
                    ++side->dropped;
                    if (side->on_dropped) {
                        side->on_dropped(name + ": dropped the late answer to request " + std::to_string(id) +
                                         " (" + command + ")");
                    }
                    return;
                }
                side->pending.erase(found);
                if (outcome->ok()) {
                    side->in_error = false;
                    (*finish)(Completion<Payload>{id, CompletionCode::success, {}, std::move(outcome->value())});
                } else {
                    const Error& error = outcome->error();
                    (*finish)(Completion<Payload>{id, completion_code_of(error), error.to_string(), std::nullopt});
                }
            });
        });
        return id;
    }

    // Cancel(request id): a queued request is taken off the queue; a running one is abandoned (its
    // answer will be dropped). Either way it completes with canceled now. notOutstanding for an id
    // that has completed already or was never issued.
    CancelOutcome cancel(RequestId id) {
        const auto found = loop_->pending.find(id);
        if (found == loop_->pending.end()) return CancelOutcome::notOutstanding;
        const bool before_start = jobs_->remove(id);
        Pending pending = std::move(found->second);
        loop_->pending.erase(found);
        pending.fail(CompletionCode::canceled, name_ + " (" + pending.command + ") canceled");
        return before_start ? CancelOutcome::removedBeforeStart : CancelOutcome::abandonedWhileRunning;
    }

    // The loop calls this every turn: requests past their deadline complete with timeOut and the
    // target is marked in error until one of its requests succeeds again.
    void expire(TimePoint now) {
        for (auto it = loop_->pending.begin(); it != loop_->pending.end();) {
            if (it->second.deadline > now) {
                ++it;
                continue;
            }
            const RequestId id = it->first;
            Pending pending = std::move(it->second);
            it = loop_->pending.erase(it);
            loop_->in_error = true;
            (void)jobs_->remove(id);
            pending.fail(CompletionCode::timeOut, name_ + " (" + pending.command + ") gave no answer within " +
                                                      std::to_string(pending.timeout.count()) + " ms");
        }
    }

    [[nodiscard]] bool outstanding(RequestId id) const { return loop_->pending.count(id) != 0; }
    [[nodiscard]] std::size_t outstanding_count() const { return loop_->pending.size(); }
    // Outstanding requests other than `command` (e.g. everything but the routine event polls).
    [[nodiscard]] std::size_t outstanding_except(std::string_view command) const {
        std::size_t count = 0;
        for (const auto& [id, pending] : loop_->pending) if (pending.command != command) ++count;
        return count;
    }
    // A request timed out and none has succeeded since: what the fitness monitor reports.
    [[nodiscard]] bool in_error() const { return loop_->in_error; }
    [[nodiscard]] std::uint64_t dropped_answers() const { return loop_->dropped; }
    [[nodiscard]] const std::string& name() const { return name_; }
    void on_dropped(DropObserver observer) { loop_->on_dropped = std::move(observer); }

    // For tests and shutdown only (the loop never calls it): waits in real time until the worker
    // has nothing queued or running. True when idle.
    bool wait_idle(std::chrono::milliseconds limit) { return jobs_->wait_idle(limit); }
    [[nodiscard]] bool idle() const { return jobs_->idle(); }

private:
    struct Pending {
        std::string command;
        TimePoint deadline;
        Millis timeout{0};
        std::function<void(CompletionCode, const std::string&)> fail;
    };
    // Loop-thread state, shared with the continuations in the mailbox so that one arriving after
    // the worker was destroyed finds it gone instead of a dangling pointer.
    struct LoopSide {
        RequestId next_id = 1;
        std::map<RequestId, Pending> pending;
        bool in_error = false;
        std::uint64_t dropped = 0;
        DropObserver on_dropped;
    };

    template <class Payload, class Work>
    static Result<Payload> run_work(Target& target, Work& work) {
        if constexpr (std::is_same_v<Payload, Done>) {
            auto status = work(target);
            if (!status.ok()) return status.error();
            return Done{};
        } else {
            return work(target);
        }
    }

    std::string name_;
    Target& target_;
    LoopMailbox& mailbox_;
    const Clock& clock_;
    std::shared_ptr<LoopSide> loop_;
    std::shared_ptr<async_detail::JobQueue> jobs_;  // last: its thread is joined first (when not shared)
};

}  // namespace kiosk
