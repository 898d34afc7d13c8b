// KeyEntry with a fake PIN pad: PIN entries carry the session's PAN, PIN-mode keys become PIN
// events, clear keys change the typed value in their turn, stale entries' keys are dropped and a
// PIN block is waited for before whatever needs it.
#include "kiosk/runtime/key_entry.hpp"

#include <gtest/gtest.h>

#include "tests/kiosk/runtime/runtime_fakes.hpp"

namespace kiosk::test {
namespace {

using drivers::PinKey;
using drivers::PinPadEvent;
using flow::EventKind;
using Kind = drivers::PinPadEvent::Kind;

PinPadEvent key(PinKey which, std::optional<char> digit = std::nullopt) {
    return PinPadEvent(Kind::keyPressed, which, 0, digit);
}

class KeyEntryTest : public ::testing::Test {
protected:
    KeyEntryTest() {
        pad.expected_pan = test_pan();
        session.pan = test_pan();
    }
    KeyEntry::Hooks hooks() {
        KeyEntry::Hooks h;
        h.in_turn = [this](std::function<void()> step) { steps.push_back(std::move(step)); };
        h.dispatch = [this](const flow::Event& event) { dispatched.push_back(event); };
        h.amount_typed = [this](std::optional<Money> amount) { typed.push_back(amount); };
        h.start_cardless_visit = [this] { ++cardless_visits; };
        return h;
    }
    void settle() { loop.settle(worker); }
    void run_steps() {
        auto taken = std::move(steps);
        steps.clear();
        for (auto& step : taken) step();
    }
    void poll_with(std::vector<PinPadEvent> events) {
        pad.events.push_back(std::move(events));
        keys.poll();
        settle();
    }

    LoopHarness loop;
    CallLog log;
    FakePinPad pad{log};
    PinPadWorker worker{"PIN pad", pad, loop.mailbox, loop.clock};
    Session session;
    flow::FlowConfig config;
    std::vector<std::function<void()>> steps;
    std::vector<flow::Event> dispatched;
    std::vector<std::optional<Money>> typed;
    int cardless_visits = 0;
    KeyEntry keys{loop.ports(), worker, session, config, hooks()};
};

TEST_F(KeyEntryTest, BeginPinStartsAPinEntryWithTheSessionPan) {
    keys.begin(flow::KeyEntry::Pin);
    settle();
    ASSERT_EQ(pad.begun.size(), 1u);
    EXPECT_EQ(pad.begun[0].mode, drivers::EntryMode::pin);
    EXPECT_TRUE(pad.begun[0].had_session_pan);
    EXPECT_EQ(keys.active(), flow::KeyEntry::Pin);
    EXPECT_TRUE(loop.posted.empty());
}

TEST_F(KeyEntryTest, AClearEntryIsStartedInDataModeWithoutThePan) {
    keys.begin(flow::KeyEntry::Amount);
    settle();
    ASSERT_EQ(pad.begun.size(), 1u);
    EXPECT_EQ(pad.begun[0].mode, drivers::EntryMode::data);
    EXPECT_FALSE(pad.begun[0].had_session_pan);
}

TEST_F(KeyEntryTest, APadRefusingTheEntryPostsCancel) {
    pad.begin_answer = make_error("PIN pad", "not ready");
    keys.begin(flow::KeyEntry::Pin);
    settle();
    EXPECT_EQ(loop.kinds(), std::vector<EventKind>{EventKind::Cancel});
    EXPECT_FALSE(keys.active());
}

TEST_F(KeyEntryTest, KeysInAPinModePostPinEvents) {
    keys.begin(flow::KeyEntry::Pin);
    poll_with({key(PinKey::digit), key(PinKey::digit), key(PinKey::backspace), key(PinKey::clear),
               PinPadEvent(Kind::entryComplete, PinKey::enter, 4), PinPadEvent(Kind::entryMismatch, PinKey::enter, 0)});
    EXPECT_EQ(loop.kinds(), (std::vector<EventKind>{EventKind::PinDigit, EventKind::PinDigit, EventKind::PinBackspace,
                                                    EventKind::PinClear, EventKind::PinEnter, EventKind::PinMismatch}));
    EXPECT_TRUE(steps.empty()) << "PIN keys are never typed in clear";
    EXPECT_TRUE(session.typed.empty());
}

TEST_F(KeyEntryTest, ClearKeysChangeTheTypedValueInTheirTurnAndCompleteHandsTheAmountOn) {
    keys.begin(flow::KeyEntry::Amount);
    poll_with({key(PinKey::digit, '3'), key(PinKey::digit, '5'), key(PinKey::backspace), key(PinKey::digit, '0'),
               key(PinKey::digit, '0'), PinPadEvent(Kind::entryComplete, PinKey::enter, 3)});
    EXPECT_TRUE(session.typed.empty()) << "nothing applied before its turn";
    ASSERT_EQ(steps.size(), 6u);
    run_steps();
    ASSERT_EQ(dispatched.size(), 5u);
    EXPECT_EQ(dispatched[0], flow::Event(flow::events::EntryChanged(1)));
    EXPECT_EQ(dispatched[2], flow::Event(flow::events::EntryChanged(1)));
    EXPECT_EQ(dispatched[4], flow::Event(flow::events::EntryChanged(3)));
    ASSERT_EQ(typed.size(), 1u);
    ASSERT_TRUE(typed[0]);
    EXPECT_EQ(*typed[0], config.money(300 * 100));
    EXPECT_TRUE(session.typed.empty()) << "the typed digits are wiped once used";
    EXPECT_FALSE(keys.active());
}

TEST_F(KeyEntryTest, EventsOfAnEntryReplacedByANewBeginAreDropped) {
    keys.begin(flow::KeyEntry::Amount);
    settle();
    pad.gate.close();
    pad.events.push_back({key(PinKey::digit, '7'), PinPadEvent(Kind::entryComplete, PinKey::enter, 1)});
    keys.poll();  // polled for the amount entry…
    ASSERT_TRUE(pad.gate.wait_entered(2));
    keys.begin(flow::KeyEntry::Pin);  // …which is replaced before the keys come back
    pad.gate.open();
    settle();
    EXPECT_TRUE(steps.empty());
    EXPECT_TRUE(typed.empty());
    EXPECT_TRUE(loop.posted.empty());
    EXPECT_EQ(keys.active(), flow::KeyEntry::Pin);
}

TEST_F(KeyEntryTest, WhenPinBlockReadyRunsOnlyAfterTheBlockArrived) {
    keys.begin(flow::KeyEntry::Pin);
    settle();
    pad.block_gate.close();
    keys.take_pin_block(false);
    ASSERT_TRUE(pad.block_gate.wait_entered(1));
    bool ran = false;
    bool block_was_there = false;
    keys.when_pin_block_ready([&] {
        ran = true;
        block_was_there = !session.pin_block.empty();
    });
    loop.run_mail();
    EXPECT_FALSE(ran);
    pad.block_gate.open();
    settle();
    EXPECT_TRUE(ran);
    EXPECT_TRUE(block_was_there);
    EXPECT_EQ(session.pin_block.size(), 16u);
    EXPECT_TRUE(loop.posted.empty());
}

TEST_F(KeyEntryTest, WhenPinBlockReadyRunsAtOnceWithNoBlockOnItsWay) {
    bool ran = false;
    keys.when_pin_block_ready([&] { ran = true; });
    EXPECT_TRUE(ran);
}

TEST_F(KeyEntryTest, APadThatGivesNoBlockOnTheFirstEntryPostsCancel) {
    pad.block_answer = make_error("PIN pad", "no PIN entered");
    keys.take_pin_block(false);
    settle();
    EXPECT_EQ(loop.kinds(), std::vector<EventKind>{EventKind::Cancel});
    EXPECT_TRUE(session.pin_block.empty());
}

TEST_F(KeyEntryTest, APadThatGivesNoBlockForAWaitingRequestLeavesTheRefusalToIt) {
    pad.block_answer = make_error("PIN pad", "no PIN entered");
    keys.take_pin_block(false);
    bool ran = false;
    keys.when_pin_block_ready([&] { ran = true; });  // a retried request waits for the block
    settle();
    EXPECT_TRUE(ran) << "the waiting request runs, finds no block and is refused without being sent";
    EXPECT_TRUE(loop.kinds().empty()) << "no Cancel: the host channel's decline ends the visit";
    EXPECT_TRUE(session.pin_block.empty());
}

TEST_F(KeyEntryTest, AOneTimeCodeEntryStartsACardlessVisit) {
    session = Session{};
    keys.begin(flow::KeyEntry::OneTimeCode);
    EXPECT_EQ(cardless_visits, 1);
}

}  // namespace
}  // namespace kiosk::test
