// RequestWorker: one completion per request, in order, off the calling thread; deadlines turn a
// silent target into timeOut without waiting for it; late and unknown answers are dropped.
#include "common/async/request_worker.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <vector>

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using namespace std::chrono_literals;

class ManualClock final : public Clock {
public:
    [[nodiscard]] TimePoint now() const override { return now_; }
    void advance(Millis by) { now_ += by; }

private:
    TimePoint now_{Millis(1'000'000)};
};

// A device whose answer the test releases: it blocks inside the call, as a silent device does.
class GatedDevice {
public:
    Result<int> answer(int value) {
        std::unique_lock lock(mutex_);
        ++entered_;
        changed_.notify_all();
        changed_.wait(lock, [this] { return open_; });
        calls_.push_back(value);
        return value * 10;
    }
    void close_gate() {
        const std::lock_guard lock(mutex_);
        open_ = false;
    }
    void open_gate() {
        {
            const std::lock_guard lock(mutex_);
            open_ = true;
        }
        changed_.notify_all();
    }
    bool wait_entered(int count) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, 5s, [&] { return entered_ >= count; });
    }
    std::vector<int> calls() {
        const std::lock_guard lock(mutex_);
        return calls_;
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool open_ = true;
    int entered_ = 0;
    std::vector<int> calls_;
};

class RequestWorkerTest : public ::testing::Test {
protected:
    // What the loop does each turn: expire, then run what has arrived.
    void turn() {
        worker_.expire(clock_.now());
        for (LoopTask& task : mailbox_.drain()) task();
    }
    void settle() {
        ASSERT_TRUE(worker_.wait_idle(5s));
        turn();
    }
    RequestId ask(int value, std::vector<Completion<int>>& into, Millis timeout = 1'000ms) {
        return worker_.submit<int>("answer", timeout, [value](GatedDevice& device) { return device.answer(value); },
                                   [&into](const Completion<int>& done) { into.push_back(done); });
    }

    ManualClock clock_;
    LoopMailbox mailbox_;
    GatedDevice device_;
    RequestWorker<GatedDevice> worker_{"gated device", device_, mailbox_, clock_};
};

TEST_F(RequestWorkerTest, EachRequestCompletesOnceWithItsPayloadInSubmissionOrder) {
    std::vector<Completion<int>> done;
    const RequestId first = ask(1, done);
    const RequestId second = ask(2, done);
    EXPECT_NE(first, second);
    settle();
    ASSERT_EQ(done.size(), 2u);
    EXPECT_EQ(done[0].id, first);
    EXPECT_EQ(done[0].code, CompletionCode::success);
    EXPECT_EQ(done[0].payload, 10);
    EXPECT_EQ(done[1].id, second);
    EXPECT_EQ(done[1].payload, 20);
    EXPECT_EQ(device_.calls(), (std::vector<int>{1, 2}));
    EXPECT_EQ(worker_.outstanding_count(), 0u);
}

TEST_F(RequestWorkerTest, SubmitReturnsBeforeTheTargetAnswers) {
    device_.close_gate();
    std::vector<Completion<int>> done;
    const RequestId id = ask(7, done);
    ASSERT_TRUE(device_.wait_entered(1));
    turn();  // the loop turns while the device is busy: nothing is delivered, nothing waits
    EXPECT_TRUE(done.empty());
    EXPECT_TRUE(worker_.outstanding(id));
    device_.open_gate();
    settle();
    ASSERT_EQ(done.size(), 1u);
    EXPECT_TRUE(done[0].ok());
}

TEST_F(RequestWorkerTest, ASilentTargetTimesOutByTheDeadlineAndItsLateAnswerIsDropped) {
    std::vector<std::string> dropped;
    worker_.on_dropped([&](const std::string& what) { dropped.push_back(what); });
    device_.close_gate();
    std::vector<Completion<int>> done;
    ask(3, done, 500ms);
    ASSERT_TRUE(device_.wait_entered(1));
    clock_.advance(499ms);
    turn();
    EXPECT_TRUE(done.empty());
    clock_.advance(1ms);
    turn();
    ASSERT_EQ(done.size(), 1u);
    EXPECT_EQ(done[0].code, CompletionCode::timeOut);
    EXPECT_FALSE(done[0].payload);
    EXPECT_NE(done[0].message.find("500 ms"), std::string::npos) << done[0].message;
    EXPECT_TRUE(worker_.in_error());

    device_.open_gate();  // the device answers at last
    settle();
    EXPECT_EQ(done.size(), 1u) << "a late answer is never acted on";
    EXPECT_EQ(worker_.dropped_answers(), 1u);
    ASSERT_EQ(dropped.size(), 1u);
    EXPECT_NE(dropped[0].find("gated device"), std::string::npos);

    ask(4, done);  // the next success clears the error mark
    settle();
    ASSERT_EQ(done.size(), 2u);
    EXPECT_TRUE(done[1].ok());
    EXPECT_FALSE(worker_.in_error());
}

TEST_F(RequestWorkerTest, CancelTakesAQueuedRequestOffTheQueueAndCompletesItCanceled) {
    device_.close_gate();
    std::vector<Completion<int>> done;
    const RequestId running = ask(1, done);
    const RequestId queued = ask(2, done);
    ASSERT_TRUE(device_.wait_entered(1));
    EXPECT_EQ(worker_.cancel(queued), CancelOutcome::removedBeforeStart);
    ASSERT_EQ(done.size(), 1u);
    EXPECT_EQ(done[0].id, queued);
    EXPECT_EQ(done[0].code, CompletionCode::canceled);
    device_.open_gate();
    settle();
    ASSERT_EQ(done.size(), 2u);
    EXPECT_EQ(done[1].id, running);
    EXPECT_EQ(device_.calls(), (std::vector<int>{1})) << "the canceled request never reached the device";
}

TEST_F(RequestWorkerTest, CancelOfARunningRequestCompletesNowAndDropsTheAnswer) {
    device_.close_gate();
    std::vector<Completion<int>> done;
    const RequestId id = ask(5, done);
    ASSERT_TRUE(device_.wait_entered(1));
    EXPECT_EQ(worker_.cancel(id), CancelOutcome::abandonedWhileRunning);
    EXPECT_EQ(worker_.cancel(id), CancelOutcome::notOutstanding) << "a completed request cannot be canceled again";
    device_.open_gate();
    settle();
    ASSERT_EQ(done.size(), 1u);
    EXPECT_EQ(done[0].code, CompletionCode::canceled);
    EXPECT_EQ(worker_.dropped_answers(), 1u);
}

TEST_F(RequestWorkerTest, UnknownRequestIdsAreRefused) { EXPECT_EQ(worker_.cancel(4711), CancelOutcome::notOutstanding); }

TEST_F(RequestWorkerTest, AFailureBecomesItsCompletionCode) {
    std::vector<Completion<Done>> done;
    auto fail_with = [&](std::string message) {
        worker_.submit<Done>("fail", 1'000ms,
                             [message](GatedDevice&) -> Status { return make_error("dev", message); },
                             [&](const Completion<Done>& completion) { done.push_back(completion); });
    };
    fail_with("timeout");
    fail_with("disconnected");
    fail_with("malformed reply");
    fail_with("paper jam");
    worker_.submit<Done>("ok", 1'000ms, [](GatedDevice&) -> Status { return {}; },
                         [&](const Completion<Done>& completion) { done.push_back(completion); });
    settle();
    ASSERT_EQ(done.size(), 5u);
    EXPECT_EQ(done[0].code, CompletionCode::timeOut);
    EXPECT_EQ(done[1].code, CompletionCode::deviceNotReady);
    EXPECT_EQ(done[2].code, CompletionCode::invalidData);
    EXPECT_EQ(done[3].code, CompletionCode::hardwareError);
    EXPECT_EQ(done[3].message, "dev: paper jam");
    EXPECT_TRUE(done[4].ok());
    EXPECT_TRUE(done[4].payload.has_value());
}

TEST_F(RequestWorkerTest, AnExceptionFromTheTargetIsRethrownOnTheLoop) {
    struct Crash {};
    bool called = false;
    worker_.submit<int>("crash", 1'000ms, [](GatedDevice&) -> Result<int> { throw Crash{}; },
                        [&](const Completion<int>&) { called = true; });
    ASSERT_TRUE(worker_.wait_idle(5s));
    EXPECT_THROW(turn(), Crash);
    EXPECT_FALSE(called);
}

TEST(RequestWorkerLifetime, AnAnswerArrivingAfterTheWorkerIsGoneIsIgnored) {
    ManualClock clock;
    LoopMailbox mailbox;
    GatedDevice device;
    bool called = false;
    {
        RequestWorker<GatedDevice> worker("short-lived", device, mailbox, clock);
        worker.submit<int>("answer", 1'000ms, [](GatedDevice& d) { return d.answer(1); },
                           [&](const Completion<int>&) { called = true; });
        ASSERT_TRUE(worker.wait_idle(5s));
    }
    for (LoopTask& task : mailbox.drain()) task();
    EXPECT_FALSE(called);
}

}  // namespace
}  // namespace kiosk
