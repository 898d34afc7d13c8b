// CashService over a fake dispenser and a temporary database: amounts are checked against a fresh
// cassette reading, the in-flight bracket is durable before the dispense command reaches the
// dispenser, and an incomplete dispense is retracted.
#include "kiosk/runtime/cash_service.hpp"

#include <atomic>
#include <map>

#include <gtest/gtest.h>

#include "tests/kiosk/runtime/runtime_fakes.hpp"

namespace kiosk::test {
namespace {

using flow::EventKind;

class CashServiceTest : public ::testing::Test {
protected:
    CashServiceTest() {
        dispenser.status_answer.device = online();
        dispenser.status_answer.dispenser = drivers::DispenserState::ok;
        dispenser.status_answer.cassettes = {drivers::CassetteInfo{"CNY", 100'00, 10, 2, drivers::CassetteState::ok}};
    }
    ~CashServiceTest() override { dispenser.gate.open(); }
    host::ReversalRequest reversal_for(const Money& amount, host::ReversalReason reason) {
        host::ReversalRequest reversal;
        reversal.original_type = host::TransactionType::Withdrawal;
        reversal.original_stan = 7;
        reversal.pan = test_pan();
        reversal.expiry_yymm = "3012";
        reversal.amount = amount;
        reversal.dispensed = amount.with_minor_units(0);
        reversal.reason = reason;
        reversal.stan = 8;
        reversal.terminal_id = "TERM0001";
        reversal.local_time = loop.clock.now();
        return reversal;
    }
    void settle() { loop.settle(worker); }
    Money cny(std::int64_t major) const { return Money{major * 100, "CNY", 2}; }
    bool bracket_open() {
        auto open = store.bracket.is_open();
        return open.ok() && *open;
    }

    LoopHarness loop;
    CallLog log;
    FakeDispenser dispenser{log};
    DispenserWorker worker{"dispenser", dispenser, loop.mailbox, loop.clock};
    CashStore store{loop.clock};
    Session session;
    flow::FlowConfig config;
    CashService cash{loop.ports(), CashService::Parts{worker, store.queue, store.bracket}, session, config,
                     [this](const Money& amount, host::ReversalReason reason) { return reversal_for(amount, reason); }};
};

TEST_F(CashServiceTest, APayableAmountIsChosenFromAFreshStatusRead) {
    EXPECT_TRUE(cash.cassettes().empty());  // nothing read yet: only a fresh read can say yes
    cash.check_amount(cny(300), true);
    settle();
    EXPECT_EQ(log.count("dispenser.status"), 1);
    ASSERT_EQ(loop.posted.size(), 1u);
    EXPECT_EQ(loop.posted[0], flow::Event(flow::events::AmountChosen(cny(300))));
}

TEST_F(CashServiceTest, AnAmountTheCassettesCannotPayIsRefusedWithTheReason) {
    cash.check_amount(cny(350), true);
    settle();
    cash.check_amount(cny(5000), true);  // more than the 10 notes left
    settle();
    ASSERT_EQ(loop.posted.size(), 2u);
    EXPECT_EQ(loop.posted[0], flow::Event(flow::events::AmountNotPayable(flow::AmountRefusal::NotMultiple)));
    EXPECT_EQ(loop.posted[1], flow::Event(flow::events::AmountNotPayable(flow::AmountRefusal::TooLarge)));
}

TEST_F(CashServiceTest, AStaleReadingDoesNotDecideTheAmount) {
    cash.cassettes_read(dispenser.status_answer.cassettes);  // the screen was drawn with notes…
    {
        const std::lock_guard lock(dispenser.mutex);
        dispenser.status_answer.cassettes[0].count = 0;  // …which are gone now
        dispenser.status_answer.cassettes[0].state = drivers::CassetteState::empty;
    }
    cash.check_amount(cny(300), true);
    settle();
    ASSERT_EQ(loop.posted.size(), 1u);
    EXPECT_EQ(flow::kind_of(loop.posted[0]), EventKind::AmountNotPayable);
}

TEST_F(CashServiceTest, ZeroIsInvalidAndATransferIsLeftToTheHost) {
    cash.check_amount(cny(0), true);
    cash.check_amount(cny(12345), false);
    settle();
    ASSERT_EQ(loop.posted.size(), 2u);
    EXPECT_EQ(loop.posted[0], flow::Event(flow::events::AmountNotPayable(flow::AmountRefusal::Invalid)));
    EXPECT_EQ(loop.posted[1], flow::Event(flow::events::AmountChosen(cny(12345))));
    EXPECT_EQ(log.count("dispenser.status"), 0);
}

TEST_F(CashServiceTest, TheBracketIsOpenBeforeTheDispenseReachesTheDispenserThenCashIsPresented) {
    std::atomic<int> open_at_dispense{-1};
    dispenser.on_dispense = [&] { open_at_dispense = store.bracket_open_seen_from_this_thread(loop.clock) ? 1 : 0; };
    cash.dispense(cny(300));
    settle();
    EXPECT_EQ(open_at_dispense.load(), 1) << "notes picked with no durable bracket";
    EXPECT_TRUE(loop.notes.empty()) << loop.notes.front();
    const auto calls = log.calls();
    ASSERT_GE(calls.size(), 3u);
    EXPECT_EQ(calls[0], "dispenser.status");
    EXPECT_EQ(calls[1], "dispenser.dispense");
    EXPECT_EQ(calls[2], "dispenser.present");
    ASSERT_EQ(loop.posted.size(), 1u);
    EXPECT_EQ(flow::kind_of(loop.posted[0]), EventKind::CashPresented);
    const auto* journal = loop.sink.find("dispense");
    ASSERT_NE(journal, nullptr);
    EXPECT_EQ(journal->outcome, "success");
    EXPECT_TRUE(bracket_open()) << "open until the customer takes the notes";
    cash.settle();
    EXPECT_FALSE(bracket_open());
}

TEST_F(CashServiceTest, AnIncompleteDispenseIsRetractedAndPostsDispenseFailed) {
    dispenser.dispense_answer.complete = false;
    dispenser.dispense_answer.failure = "short pick";
    cash.dispense(cny(300));
    settle();
    EXPECT_EQ(log.count("dispenser.retract"), 1);
    EXPECT_EQ(log.count("dispenser.present"), 0);
    ASSERT_EQ(loop.posted.size(), 1u);
    EXPECT_EQ(flow::kind_of(loop.posted[0]), EventKind::DispenseFailed);
    const auto* journal = loop.sink.find("dispense");
    ASSERT_NE(journal, nullptr);
    EXPECT_NE(journal->outcome.find("short pick"), std::string::npos);
    EXPECT_TRUE(bracket_open()) << "the flow's reversal closes it, not the dispenser";
}

// The cash ledger's notes ride on the journal line of the step that moved them
// (kiosk/maintenance/cash_ledger.hpp): presented → dispensed (+ the diverted picks as rejected),
// pulled back → from dispensed to retracted, a failed dispense's stacked notes → rejected.
TEST_F(CashServiceTest, TheLedgerNotesRideOnTheDispenseAndRetractLines) {
    dispenser.dispense_answer.dispensed = {3};
    dispenser.dispense_answer.rejected = 2;
    cash.dispense(cny(300));
    settle();
    const auto* presented = loop.sink.find("dispense");
    ASSERT_NE(presented, nullptr);
    std::map<std::string, std::int64_t> booked;
    for (const auto& delta : presented->counters) booked[delta.name] += delta.delta;
    EXPECT_EQ(booked["cash.cassette.1.dispensed"], 3);
    EXPECT_EQ(booked["cash.cassette.1.rejected"], 2);

    cash.retract();  // the fake pulls back 2 of the 3
    settle();
    const auto* retracted = loop.sink.find("cash_retract");
    ASSERT_NE(retracted, nullptr);
    booked.clear();
    for (const auto& delta : retracted->counters) booked[delta.name] += delta.delta;
    EXPECT_EQ(booked["cash.cassette.1.retracted"], 2);
    EXPECT_EQ(booked["cash.cassette.1.dispensed"], -2);
}

TEST_F(CashServiceTest, AFailedDispenseBooksItsStackedNotesAsRejected) {
    dispenser.dispense_answer.complete = false;
    dispenser.dispense_answer.failure = "short pick";
    dispenser.dispense_answer.dispensed = {1};
    cash.dispense(cny(300));
    settle();
    const auto* failed = loop.sink.find("dispense");
    ASSERT_NE(failed, nullptr);
    ASSERT_EQ(failed->counters.size(), 1U);
    EXPECT_EQ(failed->counters[0].name, "cash.cassette.1.rejected");
    EXPECT_EQ(failed->counters[0].delta, 1);
}

TEST_F(CashServiceTest, AnAmountNoMixCanPayIsNotDispensedAndOpensNoBracket) {
    cash.dispense(cny(350));
    settle();
    EXPECT_EQ(log.count("dispenser.dispense"), 0);
    EXPECT_EQ(loop.kinds(), std::vector<EventKind>{EventKind::DispenseFailed});
    EXPECT_FALSE(bracket_open());
}

}  // namespace
}  // namespace kiosk::test
