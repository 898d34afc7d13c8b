// Issue 9's runtime on the simulator: the loop never waits. A bank that holds its answer, a touch
// made on a screen that is gone, and a card reader that never answers — each shows the loop keeps
// turning and drawing, and that the flow's rules (reversal, timeout, retention) still decide.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <atomic>
#include <mutex>
#include <thread>

#include "tests/e2e/kiosk_on_simulator.hpp"

namespace kiosk {
namespace {

using flow::StateId;
using namespace std::chrono_literals;

const sim::VirtualCard& alice() { return sim::card("visa-alice"); }

class RuntimeE2eTest : public test::KioskOnSimulator {
protected:
    void SetUp() override {
        start("kiosk-runtime-e2e");
        runtime().on_screen = [this](const ui::ViewModel& vm) {
            last_screen_ = vm;
            // What the bank had seen when each screen went out.
            shown_.push_back({vm.screen, rig_->bank().bank().held_requests(), rig_->bank().log().size()});
        };
    }
    void TearDown() override {
        rig_->bank().bank().release_answers();  // a held answer must not outlive the test
        test::KioskOnSimulator::TearDown();
    }

    // Turns of a loop that nobody waits for: virtual time moves, the workers run on their own.
    void turn_unsettled(Millis step = 16ms) {
        clock_.advance(step);
        runtime().tick();
    }
    // Turns until `done`, at most `limit` of them, giving the workers real time between turns.
    template <class Done>
    bool turn_until(Done done, int limit = 2'000) {
        for (int i = 0; i < limit && !done(); ++i) {
            turn_unsettled(1ms);
            std::this_thread::sleep_for(1ms);
        }
        return done();
    }
    std::int64_t balance() { return rig_->bank().balance_of(alice().pan)->minor_units; }
    void take_card_home() {
        ASSERT_TRUE(rig_->card_reader().take_card().ok()) << notes_;
        pass(Millis(500));
        EXPECT_EQ(state(), StateId::ThankYou);
    }

    struct Shown {
        ui::ScreenId screen;
        std::size_t held_at_the_bank;
        std::size_t answered_by_the_bank;
    };
    std::vector<Shown> shown_;
};

TEST_F(RuntimeE2eTest, TheLoopKeepsDrawingWhileTheBankHoldsItsAnswerAndACancelReversesIt) {
    to_menu(alice());
    touch("withdrawal");
    ASSERT_EQ(state(), StateId::WithdrawalAmount) << notes_;
    const std::int64_t before = balance();
    rig_->bank().bank().hold_answers();
    touch("amount_0", Millis(0));
    ASSERT_TRUE(turn_until([&] { return rig_->bank().bank().held_requests() == 1; })) << notes_;
    ASSERT_EQ(state(), StateId::Authorizing);

    // The Processing screen went out before the request reached the bank.
    const auto processing = std::find_if(shown_.begin(), shown_.end(),
                                         [](const Shown& s) { return s.screen == ui::ScreenId::Processing; });
    ASSERT_NE(processing, shown_.end());
    EXPECT_EQ(processing->held_at_the_bank, 0U);

    // While the answer is held the loop returns every turn and the activity dots keep moving.
    const std::uint64_t frames = runtime().frames_drawn();
    for (int i = 0; i < 100; ++i) turn_unsettled(16ms);
    EXPECT_GE(runtime().frames_drawn(), frames + 5) << "1.6 s of waiting is about six activity frames";
    EXPECT_EQ(state(), StateId::Authorizing);

    // The customer gives up: the request had gone out, so it is reversed once the bank can answer.
    runtime().touch("cancel");
    turn_unsettled();
    EXPECT_EQ(state(), StateId::Closing);
    EXPECT_NE(notes_.find("reversal queued"), std::string::npos) << notes_;
    rig_->bank().bank().release_answers();
    ASSERT_TRUE(turn_until([&] {
        const auto log = rig_->bank().log();
        return std::any_of(log.begin(), log.end(), [](const sim::SimBank::LogEntry& e) { return e.reversal; });
    })) << notes_;
    ASSERT_TRUE(turn_until([&] { return notes_.find("dropped the late answer") != std::string::npos; })) << notes_;
    EXPECT_EQ(balance(), before) << "debited while held, then reversed";
    take_card_home();
    EXPECT_EQ(rig_->cash().value_taken(), 0);
}

TEST_F(RuntimeE2eTest, WithNoAnswerAtAllTheAuthorizingTimeoutRowIsTaken) {
    to_menu(alice());
    touch("withdrawal");
    const std::int64_t before = balance();
    rig_->bank().bank().hold_answers(120'000ms);
    touch("amount_0", Millis(0));
    ASSERT_TRUE(turn_until([&] { return rig_->bank().bank().held_requests() == 1; })) << notes_;
    const auto timeout = config_.flow.timeout_for(StateId::Authorizing, false);
    ASSERT_TRUE(timeout.has_value());
    // The flow's own timer decides, not the link: virtual time passes the Authorizing timeout.
    for (Millis waited{0}; waited <= *timeout && state() == StateId::Authorizing; waited += 100ms) turn_unsettled(100ms);
    EXPECT_EQ(state(), StateId::Closing) << notes_;
    EXPECT_EQ(last_screen_.message_key, "decline.host_unavailable");
    rig_->bank().bank().release_answers();
    ASSERT_TRUE(turn_until([&] {
        const auto log = rig_->bank().log();
        return std::any_of(log.begin(), log.end(), [](const sim::SimBank::LogEntry& e) { return e.reversal; });
    })) << notes_;
    EXPECT_EQ(balance(), before);
    take_card_home();
}

TEST_F(RuntimeE2eTest, ATouchMadeOnAScreenThatIsGoneHasNoEffect) {
    to_menu(alice());
    const std::uint64_t menu = runtime().screen_generation();
    touch("balance");
    ASSERT_EQ(state(), StateId::ShowBalance) << notes_;
    // A second finger still on the menu: "withdrawal" lands after the menu was replaced.
    runtime().touch("withdrawal", menu);
    pass(Millis(500));
    EXPECT_EQ(state(), StateId::ShowBalance);
    EXPECT_EQ(runtime().stale_touches_dropped(), 1U);
    // The same touch on the screen shown now is acted on.
    runtime().touch("continue", runtime().screen_generation());
    pass(Millis(500));
    EXPECT_NE(state(), StateId::ShowBalance);
}

// A card reader whose eject never completes (a mechanism stuck mid-motion) until the test lets go.
class StuckCardReader final : public drivers::CardReader {
public:
    explicit StuckCardReader(drivers::CardReader& real) : real_(real) {}
    void stick() { stuck_ = true; }
    void release() {
        {
            const std::lock_guard lock(mutex_);
            released_ = true;
        }
        changed_.notify_all();
    }
    Status enable_insertion(bool enabled) override { return real_.enable_insertion(enabled); }
    Result<std::vector<drivers::CardReaderEvent>> poll() override { return real_.poll(); }
    Result<drivers::RawTracks> read_tracks() override { return real_.read_tracks(); }
    Status eject() override {
        if (stuck_) {
            std::unique_lock lock(mutex_);
            changed_.wait_for(lock, 20s, [this] { return released_; });
            return make_error("card reader", "eject interrupted");
        }
        return real_.eject();
    }
    Result<drivers::CaptureBin> retain() override { return real_.retain(); }
    Status reset() override { return real_.reset(); }
    drivers::CardReaderStatus status() override { return real_.status(); }

private:
    drivers::CardReader& real_;
    std::atomic<bool> stuck_{false};
    std::mutex mutex_;
    std::condition_variable changed_;
    bool released_ = false;
};

class StuckDeviceE2eTest : public RuntimeE2eTest {
protected:
    Devices devices() override {
        Devices real = rig_->devices();
        stuck_ = std::make_unique<StuckCardReader>(real.card_reader);
        return Devices{*stuck_, real.pin_pad, real.printer, real.cash_dispenser, real.sensors};
    }
    void TearDown() override {
        if (stuck_) stuck_->release();
        RuntimeE2eTest::TearDown();
    }
    std::unique_ptr<StuckCardReader> stuck_;
};

TEST_F(StuckDeviceE2eTest, ACommandThatNeverCompletesTimesOutTheDeviceIsInErrorAndTheCardIsRetained) {
    to_menu(alice());
    stuck_->stick();
    runtime().touch("cancel");
    turn_unsettled();
    ASSERT_EQ(state(), StateId::Closing);
    // The eject never answers: by its deadline it completes with timeOut, and the flow's rule for a
    // card that cannot be returned keeps it.
    const Millis deadline = DeviceTimeouts{}.card_motion;
    for (Millis waited{0}; waited <= deadline + 1'000ms && state() == StateId::Closing; waited += 100ms) {
        turn_unsettled(100ms);
    }
    EXPECT_EQ(state(), StateId::CardRetained) << notes_;
    EXPECT_NE(notes_.find("timeOut"), std::string::npos) << notes_;
    // The reader is reported in error: its status read waits behind the stuck command and times out.
    for (int i = 0; i < 300 && runtime().fitness().cards; ++i) turn_unsettled(100ms);
    ASSERT_TRUE(runtime().device_health().has_value());
    EXPECT_FALSE(runtime().device_health()->card_reader.device.usable()) << notes_;
    EXPECT_FALSE(runtime().fitness().cards);
    stuck_->release();
}

}  // namespace
}  // namespace kiosk
