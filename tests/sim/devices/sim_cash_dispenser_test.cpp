// Tests for sim/devices/sim_cash_dispenser.hpp at the frame level: request validation, threshold
// events and the customer's side.
#include "sim/devices/sim_cash_dispenser.hpp"

#include <gtest/gtest.h>

#include "drivers/cash/cash_dispenser_protocol.hpp"
#include "drivers/frame/frame_channel.hpp"

namespace kiosk::sim {
namespace {

namespace proto = drivers::cash_dispenser_protocol;
using drivers::ReplyCode;

class SimCashDispenserTest : public ::testing::Test {
protected:
    ReplyCode dispense(std::uint16_t a, std::uint16_t b) {
        auto reply = channel.exchange(proto::cmd_dispense,
                                      Bytes{2, static_cast<std::uint8_t>(a >> 8U), static_cast<std::uint8_t>(a & 0xFFU),
                                            static_cast<std::uint8_t>(b >> 8U), static_cast<std::uint8_t>(b & 0xFFU)});
        EXPECT_TRUE(reply.ok());
        return reply.ok() ? reply->code : ReplyCode::hardwareError;
    }

    SimCashDispenser sim{{{"CNY", 10000, 5, 3}, {"CNY", 5000, 2, 0}}};
    drivers::FrameChannel channel{sim.host_transport(), "test", Millis{10}};
};

TEST_F(SimCashDispenserTest, RefusesMoreNotesThanACassetteCountsAndEmptyPlans) {
    EXPECT_EQ(dispense(6, 0), ReplyCode::cashUnitError);
    EXPECT_EQ(dispense(0, 0), ReplyCode::badParameter);
    EXPECT_EQ(sim.cassettes()[0].count, 5u);  // nothing was picked
}

TEST_F(SimCashDispenserTest, SetCountsTakesOneFourByteCountPerCassetteAndAnswersThem) {
    sim.short_count(0, 3);  // the old cassette lacked notes; the refilled one does not
    auto reply = channel.exchange(proto::cmd_set_counts, Bytes{2, 0, 0, 0x01, 0x2C, 0, 0, 0, 0x64});
    ASSERT_TRUE(reply.ok());
    EXPECT_EQ(reply->code, ReplyCode::ok);
    EXPECT_EQ(reply->body, (Bytes{2, 0, 0, 0x01, 0x2C, 0, 0, 0, 0x64}));
    EXPECT_EQ(sim.cassettes()[0].count, 300u);
    EXPECT_EQ(sim.cassettes()[0].missing_notes, 0u);
    EXPECT_EQ(sim.cassettes()[1].count, 100u);
    for (const Bytes& wrong : {Bytes{}, Bytes{1, 0, 0, 0, 1}, Bytes{2, 0, 0, 0, 1, 0, 0, 0}}) {
        auto refused = channel.exchange(proto::cmd_set_counts, wrong);
        ASSERT_TRUE(refused.ok());
        EXPECT_EQ(refused->code, ReplyCode::badParameter);
    }
    EXPECT_EQ(sim.cassettes()[0].count, 300u) << "a refused SET COUNTS changes nothing";
}

TEST_F(SimCashDispenserTest, FallingToTheThresholdRaisesAnEventOnce) {
    EXPECT_EQ(dispense(2, 0), ReplyCode::ok);
    auto events = channel.poll_events();
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 1u);
    EXPECT_EQ((*events)[0].command, proto::evt_cash_unit_threshold);
    EXPECT_EQ((*events)[0].data, Bytes{0});
}

TEST_F(SimCashDispenserTest, PresentWithNothingStackedIsNoMedia) {
    EXPECT_EQ(channel.exchange(proto::cmd_present)->code, ReplyCode::noMedia);
    EXPECT_EQ(channel.exchange(proto::cmd_retract)->code, ReplyCode::noMedia);
    EXPECT_FALSE(sim.take_notes().ok());
}

TEST_F(SimCashDispenserTest, ResetMovesStackedNotesToTheRejectBin) {
    EXPECT_EQ(dispense(1, 1), ReplyCode::ok);
    EXPECT_EQ(sim.notes_in_stacker(), 2);
    EXPECT_EQ(channel.exchange(proto::cmd_reset)->code, ReplyCode::ok);
    EXPECT_EQ(sim.notes_in_stacker(), 0);
    EXPECT_EQ(sim.reject_count(), 2);
}

TEST_F(SimCashDispenserTest, PresentedNotesAreWorthWhatWasPicked) {
    EXPECT_EQ(dispense(1, 2), ReplyCode::ok);
    EXPECT_EQ(channel.exchange(proto::cmd_present)->code, ReplyCode::ok);
    EXPECT_EQ(sim.shutter(), drivers::ShutterState::open);
    ASSERT_TRUE(sim.take_notes().ok());
    EXPECT_EQ(sim.value_taken(), 20000);
}

}  // namespace
}  // namespace kiosk::sim
