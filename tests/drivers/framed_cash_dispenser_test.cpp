// Tests for drivers/cash/framed_cash_dispenser.hpp: the real driver against SimCashDispenser —
// mix, dispense, present, take; no-show retract; and each dispense fault.
#include "drivers/cash/framed_cash_dispenser.hpp"

#include <gtest/gtest.h>

#include "drivers/frame/reply_code.hpp"
#include "sim/devices/sim_cash_dispenser.hpp"

namespace kiosk::drivers {
namespace {

std::vector<sim::SimCassette> standard_cassettes() {
    return {{"CNY", 10000, 50, 10}, {"CNY", 5000, 40, 5}, {"CNY", 2000, 30, 5}, {"CNY", 1000, 20, 5}};
}

class FramedCashDispenserTest : public ::testing::Test {
protected:
    NotePlan plan_for(std::int64_t fen) {
        auto status = dispenser.status();
        auto plan = NoteMixer().plan(Money{fen, "CNY", 2}, status.cassettes);
        EXPECT_TRUE(plan.ok()) << plan.error().message;
        return plan.ok() ? *plan : NotePlan{};
    }
    std::vector<CashDispenserEvent> poll() {
        auto events = dispenser.poll();
        EXPECT_TRUE(events.ok());
        return events.ok() ? *events : std::vector<CashDispenserEvent>{};
    }

    sim::SimCashDispenser sim{standard_cassettes(), 10};
    FramedCashDispenser dispenser{sim.host_transport(), Millis{50}};
};

TEST_F(FramedCashDispenserTest, StatusListsTheCassettes) {
    auto status = dispenser.status();
    EXPECT_EQ(status.device.state, DeviceState::online);
    EXPECT_EQ(status.dispenser, DispenserState::ok);
    EXPECT_EQ(status.shutter, ShutterState::closed);
    ASSERT_EQ(status.cassettes.size(), 4u);
    EXPECT_EQ(status.cassettes[0], (CassetteInfo{"CNY", 10000, 50, 10, CassetteState::ok}));
    EXPECT_EQ(status.cassettes[3].denomination, 1000u);
}

TEST_F(FramedCashDispenserTest, WithdrawalDispensesPresentsAndIsTaken) {
    auto report = dispenser.dispense(plan_for(38000));  // 3×100 + 1×50 + 1×20 + 1×10
    ASSERT_TRUE(report.ok()) << report.error().to_string();
    EXPECT_TRUE(report->complete);
    EXPECT_EQ(report->dispensed, (std::vector<std::uint32_t>{3, 1, 1, 1}));
    EXPECT_EQ(dispenser.status().notes_in_stacker, 6);

    auto presented = dispenser.present();
    ASSERT_TRUE(presented.ok());
    EXPECT_EQ(*presented, 6);
    EXPECT_EQ(dispenser.status().shutter, ShutterState::open);

    ASSERT_TRUE(sim.take_notes().ok());
    EXPECT_EQ(poll(), std::vector<CashDispenserEvent>{CashDispenserEvent::itemsTaken});
    EXPECT_EQ(sim.value_taken(), 38000);
    auto status = dispenser.status();
    EXPECT_EQ(status.shutter, ShutterState::closed);
    EXPECT_EQ(status.cassettes[0].count, 47u);
}

TEST_F(FramedCashDispenserTest, NotesNotTakenAreRetractedToTheRejectBin) {
    ASSERT_TRUE(dispenser.dispense(plan_for(20000)).ok());
    ASSERT_TRUE(dispenser.present().ok());
    auto retracted = dispenser.retract();
    ASSERT_TRUE(retracted.ok());
    EXPECT_EQ(retracted->retracted, 2);
    EXPECT_EQ(retracted->reject_count, 2);
    EXPECT_FALSE(sim.take_notes().ok());
    EXPECT_EQ(sim.value_taken(), 0);
}

TEST_F(FramedCashDispenserTest, SecondDispenseWhileNotesWaitIsItemsLeft) {
    ASSERT_TRUE(dispenser.dispense(plan_for(10000)).ok());
    auto again = dispenser.dispense(plan_for(10000));
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(reply_code_of(again.error()), ReplyCode::itemsLeft);
}

TEST_F(FramedCashDispenserTest, ShortCassetteGivesAnIncompleteDispenseReport) {
    sim.short_count(0, 48);  // cassette 0 really holds 2 notes, not 50
    auto report = dispenser.dispense(plan_for(50000));
    ASSERT_TRUE(report.ok()) << report.error().to_string();
    EXPECT_FALSE(report->complete);
    EXPECT_EQ(report->failure, "dispense stopped: cash unit error");
    EXPECT_EQ(report->dispensed[0], 2u);
    auto status = dispenser.status();
    EXPECT_EQ(status.notes_in_stacker, 2);
    EXPECT_EQ(status.cassettes[0].state, CassetteState::empty);
    EXPECT_EQ(status.dispenser, DispenserState::attention);
    EXPECT_EQ(poll(), std::vector<CashDispenserEvent>{CashDispenserEvent::cashUnitThreshold});
}

TEST_F(FramedCashDispenserTest, DoublePickGoesToTheRejectBinAndTheAmountIsStillRight) {
    sim.double_pick(1, sim::FaultMode::once);
    auto report = dispenser.dispense(plan_for(15000));
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->complete);
    EXPECT_EQ(report->rejected, 2u);
    EXPECT_EQ(report->dispensed, (std::vector<std::uint32_t>{1, 1, 0, 0}));
    EXPECT_EQ(dispenser.status().reject_count, 2);
    EXPECT_EQ(sim.cassettes()[1].count, 37u);
}

TEST_F(FramedCashDispenserTest, JamStopsTheDispenserUntilReset) {
    sim.jam_on_pick(0, sim::FaultMode::once);
    auto report = dispenser.dispense(plan_for(30000));
    ASSERT_TRUE(report.ok());
    EXPECT_FALSE(report->complete);
    EXPECT_EQ(report->failure, "dispense stopped: media jam");
    auto status = dispenser.status();
    EXPECT_EQ(status.device.state, DeviceState::hardwareError);
    EXPECT_EQ(status.dispenser, DispenserState::stop);
    ASSERT_TRUE(dispenser.reset().ok());
    EXPECT_EQ(dispenser.status().dispenser, DispenserState::ok);
}

TEST_F(FramedCashDispenserTest, ShutterJamOnPresentIsAnError) {
    sim.shutter_jam(sim::FaultMode::once);
    ASSERT_TRUE(dispenser.dispense(plan_for(10000)).ok());
    auto presented = dispenser.present();
    ASSERT_FALSE(presented.ok());
    EXPECT_EQ(reply_code_of(presented.error()), ReplyCode::shutterFail);
    EXPECT_EQ(dispenser.status().shutter, ShutterState::jammed);
}

TEST_F(FramedCashDispenserTest, MissingCassetteIsNotPlannedAndRefusedIfAskedFor) {
    sim.set_cassette_state(0, CassetteState::missing);
    auto status = dispenser.status();
    EXPECT_EQ(status.dispenser, DispenserState::attention);
    auto plan = NoteMixer().plan(Money{20000, "CNY", 2}, status.cassettes);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->notes[0], 0u);
    auto refused = dispenser.dispense(NotePlan{{1, 0, 0, 0}, 1});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(reply_code_of(refused.error()), ReplyCode::cashUnitError);
}

TEST_F(FramedCashDispenserTest, RetractIntoAFullRejectBinFails) {
    ASSERT_TRUE(dispenser.dispense(plan_for(110000)).ok());  // 11 notes, bin holds 10
    ASSERT_TRUE(dispenser.present().ok());
    auto retracted = dispenser.retract();
    ASSERT_FALSE(retracted.ok());
    EXPECT_EQ(reply_code_of(retracted.error()), ReplyCode::binFull);
}

TEST_F(FramedCashDispenserTest, PlanOfTheWrongShapeIsRefused) {
    EXPECT_FALSE(dispenser.dispense(NotePlan{}).ok());
    auto wrong = dispenser.dispense(NotePlan{{1, 0}, 1});
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(reply_code_of(wrong.error()), ReplyCode::badParameter);
}

TEST_F(FramedCashDispenserTest, PoweredOffDispenserIsOffline) {
    sim.set_powered(false);
    auto status = dispenser.status();
    EXPECT_EQ(status.device.state, DeviceState::offline);
    EXPECT_EQ(status.dispenser, DispenserState::stop);
    EXPECT_FALSE(dispenser.present().ok());
}

TEST_F(FramedCashDispenserTest, SetCountsAfterAReplenishmentIsWhatStatusReportsAndWhatIsDispensed) {
    auto held = dispenser.set_counts({200, 150, 0, 80});
    ASSERT_TRUE(held.ok()) << held.error().to_string();
    EXPECT_EQ(*held, (std::vector<std::uint32_t>{200, 150, 0, 80}));
    auto status = dispenser.status();
    ASSERT_EQ(status.cassettes.size(), 4u);
    EXPECT_EQ(status.cassettes[0].count, 200u);
    EXPECT_EQ(status.cassettes[1].count, 150u);
    EXPECT_EQ(status.cassettes[2].state, CassetteState::empty);
    EXPECT_EQ(status.cassettes[3].count, 80u);
    // The next withdrawal is planned from, and picked out of, the new counts.
    auto report = dispenser.dispense(plan_for(80000));  // 8 × 100, no 20s left
    ASSERT_TRUE(report.ok()) << report.error().to_string();
    EXPECT_EQ(report->dispensed, (std::vector<std::uint32_t>{8, 0, 0, 0}));
    EXPECT_EQ(sim.cassettes()[0].count, 192u);
}

TEST_F(FramedCashDispenserTest, SetCountsIsRefusedWhileNotesWaitOrACassetteIsMissingAndKeepsTheOldCounts) {
    ASSERT_TRUE(dispenser.dispense(plan_for(10000)).ok());
    auto waiting = dispenser.set_counts({200, 150, 100, 80});
    ASSERT_FALSE(waiting.ok());
    EXPECT_EQ(reply_code_of(waiting.error()), ReplyCode::itemsLeft);
    EXPECT_NE(waiting.error().message.find("retract them first"), std::string::npos) << waiting.error().message;
    ASSERT_TRUE(dispenser.retract().ok());

    sim.set_cassette_state(2, CassetteState::missing);
    auto missing = dispenser.set_counts({200, 150, 100, 80});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(reply_code_of(missing.error()), ReplyCode::cashUnitError);
    EXPECT_NE(missing.error().message.find("not fitted"), std::string::npos) << missing.error().message;
    EXPECT_EQ(sim.cassettes()[0].count, 49u) << "one note went to the reject bin; nothing else changed";

    auto too_few = dispenser.set_counts({200, 150});
    ASSERT_FALSE(too_few.ok());
    EXPECT_EQ(reply_code_of(too_few.error()), ReplyCode::badParameter);
    EXPECT_FALSE(dispenser.set_counts({}).ok()) << "refused before the wire";
}

TEST(SetCountsReplyDecoder, NamesWhatIsWrongWithAMalformedReply) {
    const std::vector<std::uint32_t> sent{200, 150};
    const Bytes good{2, 0, 0, 0, 200, 0, 0, 0, 150};
    auto decoded = decode_set_counts_reply(good, sent);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(*decoded, sent);
    EXPECT_EQ(decode_set_counts_reply(Bytes{2, 0, 0, 0, 200}, sent).error().message,
              "set counts reply of 5 bytes does not hold 2 counts (expected 9 bytes)");
    EXPECT_EQ(decode_set_counts_reply(Bytes{}, sent).error().message,
              "set counts reply of 0 bytes does not hold 2 counts (expected 9 bytes)");
    EXPECT_EQ(decode_set_counts_reply(Bytes{3, 0, 0, 0, 200, 0, 0, 0, 150}, sent).error().message,
              "set counts reply names 3 cassettes, 2 were sent");
    EXPECT_EQ(decode_set_counts_reply(Bytes{2, 0, 0, 0, 200, 0, 0, 0, 140}, sent).error().message,
              "set counts reply: cassette 2 holds 140 notes, 150 were set");
}

TEST(DispenserStatusDecoder, RejectsTruncatedAndInconsistentBodies) {
    EXPECT_FALSE(decode_dispenser_status(Bytes(8, 0)).ok());
    Bytes one_cassette_missing(9, 0);
    one_cassette_missing[8] = 1;
    EXPECT_FALSE(decode_dispenser_status(one_cassette_missing).ok());
    Bytes bad_shutter(9, 0);
    bad_shutter[1] = 7;
    EXPECT_FALSE(decode_dispenser_status(bad_shutter).ok());
    auto empty = decode_dispenser_status(Bytes(9, 0));
    ASSERT_TRUE(empty.ok());
    EXPECT_EQ(empty->dispenser, DispenserState::stop);  // no cassettes: nothing to pay with
}

}  // namespace
}  // namespace kiosk::drivers
