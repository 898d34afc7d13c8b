// HostChannel over a fake host link: it waits for the PIN block, answers become flow events, a
// failed link is probed back, and an abandoned request is reversed only when it may have left.
#include "kiosk/runtime/host_channel.hpp"

#include <gtest/gtest.h>

#include "tests/kiosk/runtime/runtime_fakes.hpp"

namespace kiosk::test {
namespace {

using flow::EventKind;

class HostChannelTest : public ::testing::Test {
protected:
    HostChannelTest() { session.pan = test_pan(); }
    ~HostChannelTest() override {
        link.gate.open();
        pad.block_gate.open();
        loop.settle(host_worker, pad_worker);
    }
    KeyEntry::Hooks key_hooks() {
        KeyEntry::Hooks h;
        h.in_turn = [](std::function<void()> step) { step(); };
        h.dispatch = [](const flow::Event&) {};
        h.amount_typed = [](std::optional<Money>) {};
        return h;
    }
    void settle() { loop.settle(host_worker, pad_worker); }
    void give_pin_block() { session.pin_block = security::SecureBytes(Bytes(16, 0x11)); }
    void authorize_withdrawal() { channel.authorize(host::TransactionType::Withdrawal, amount, flow::Context{}); }
    void reverse_timeout() {
        channel.reverse(host::TransactionType::Withdrawal, amount, Money{0, "CNY", 2},
                        host::ReversalReason::HostTimeout, flow::Context{});
    }
    // Occupies the host link's worker (a request the gate holds), so the next one queues behind it.
    void hold_the_link() {
        link.gate.close();
        host_worker.submit<Done>("echo", 30s, [](host::HostLink& l) { return l.echo(1, "T", TimePoint{}); },
                                 [](const Completion<Done>&) {});
        ASSERT_TRUE(link.gate.wait_entered(1));
    }

    LoopHarness loop;
    CallLog log;
    FakePinPad pad{log};
    FakeHostLink link{log};
    PinPadWorker pad_worker{"PIN pad", pad, loop.mailbox, loop.clock};
    HostWorker host_worker{"host", link, loop.mailbox, loop.clock};
    Session session;
    flow::FlowConfig config;
    KeyEntry keys{loop.ports(), pad_worker, session, config, key_hooks()};
    CashStore store{loop.clock};
    HostChannel channel{loop.ports(), HostChannel::Parts{host_worker, keys, nullptr, &store.queue, &store.bracket},
                        session, "TERM0001"};
    Money amount{300'00, "CNY", 2};
};

TEST_F(HostChannelTest, AuthorizeWaitsForThePinBlockThenAnApprovalPostsHostApproved) {
    pad.block_gate.close();
    keys.take_pin_block(false);
    ASSERT_TRUE(pad.block_gate.wait_entered(1));
    authorize_withdrawal();
    loop.run_mail();
    EXPECT_EQ(log.count("host.authorize"), 0) << "sent before the PIN block arrived";
    pad.block_gate.open();
    settle();
    ASSERT_EQ(log.count("host.authorize"), 1);
    {
        const std::lock_guard lock(link.mutex);
        ASSERT_EQ(link.sent_with_pin_block.size(), 1u);
        EXPECT_TRUE(link.sent_with_pin_block[0]);
        EXPECT_EQ(link.sent_stans[0], session.last_stan);
    }
    const Money balance = *FakeHostLink::approved().available_balance;
    ASSERT_EQ(loop.posted.size(), 1u);
    EXPECT_EQ(loop.posted[0], flow::Event(flow::events::HostApproved(balance)));
    EXPECT_EQ(session.last_balance, balance);
    EXPECT_EQ(session.last_amount, amount);
    EXPECT_TRUE(channel.reachable());
}

TEST_F(HostChannelTest, ALinkFailurePostsHostUnavailableAndAnEchoAfterTheProbeIntervalBringsItBack) {
    give_pin_block();
    link.authorize_answer = make_error("host link", "connection refused");
    authorize_withdrawal();
    settle();
    EXPECT_EQ(loop.kinds(), std::vector<EventKind>{EventKind::HostUnavailable});
    EXPECT_FALSE(channel.reachable());

    loop.clock.advance(HostChannel::Parts{host_worker, keys}.probe_interval - 1ms);
    channel.on_turn(loop.clock.now());
    settle();
    EXPECT_EQ(log.count("host.echo"), 0) << "probed before the interval";
    loop.clock.advance(1ms);
    channel.on_turn(loop.clock.now());
    settle();
    EXPECT_EQ(log.count("host.echo"), 1);
    EXPECT_TRUE(channel.reachable());
}

TEST_F(HostChannelTest, AFailedEchoLeavesTheHostUnreachable) {
    give_pin_block();
    link.authorize_answer = make_error("host link", "connection refused");
    authorize_withdrawal();
    settle();
    link.echo_answer = make_error("host link", "connection refused");
    loop.clock.advance(15s);
    channel.on_turn(loop.clock.now());
    settle();
    EXPECT_EQ(log.count("host.echo"), 1);
    EXPECT_FALSE(channel.reachable());
}

TEST_F(HostChannelTest, AnAbandonedRequestThatWasStillQueuedIsNeverReversed) {
    give_pin_block();
    hold_the_link();
    authorize_withdrawal();
    EXPECT_TRUE(channel.authorization_outstanding());
    channel.abandon_authorization("customer cancelled");
    EXPECT_FALSE(channel.authorization_outstanding());
    reverse_timeout();
    EXPECT_EQ(store.pending_reversals(), 0u);
    EXPECT_TRUE(loop.noted("never sent"));
    link.gate.open();
    settle();
    EXPECT_EQ(log.count("host.authorize"), 0);
    EXPECT_EQ(log.count("host.reverse"), 0);
    EXPECT_TRUE(loop.posted.empty());
}

TEST_F(HostChannelTest, AnAbandonedRunningRequestIsReversedByItsStan) {
    give_pin_block();
    link.gate.close();
    authorize_withdrawal();
    ASSERT_TRUE(link.gate.wait_entered(1));
    const std::uint32_t sent_stan = session.last_stan;
    channel.abandon_authorization("timer ran out");
    reverse_timeout();
    EXPECT_EQ(store.pending_reversals(), 1u);
    ASSERT_NE(loop.sink.find("reversal_queued"), nullptr);
    link.gate.open();
    settle();
    EXPECT_TRUE(loop.posted.empty()) << "the abandoned request's answer is dropped";
    EXPECT_EQ(host_worker.dropped_answers(), 1u);
    {
        const std::lock_guard lock(link.mutex);
        ASSERT_EQ(link.reversed_stans.size(), 1u);
        EXPECT_EQ(link.reversed_stans[0], sent_stan);
    }
    EXPECT_EQ(store.pending_reversals(), 0u) << "acknowledged reversals leave the queue";
}

TEST_F(HostChannelTest, NoPinBlockIsADeclineAndNothingIsSent) {
    authorize_withdrawal();
    settle();
    ASSERT_EQ(loop.posted.size(), 1u);
    EXPECT_EQ(loop.posted[0], flow::Event(flow::events::HostDeclined(host::ResponseCode::SystemError)));
    EXPECT_EQ(log.count("host.authorize"), 0);
    EXPECT_EQ(session.last_stan, 0u);
}

}  // namespace
}  // namespace kiosk::test
