// Tests for sim/devices/sim_pin_pad.hpp at the frame level: digits never reach the wire, the
// pad validates what it is sent, and the dev API rejects impossible keys.
#include "sim/devices/sim_pin_pad.hpp"

#include <gtest/gtest.h>

#include "drivers/frame/frame_channel.hpp"
#include "drivers/pinpad/pin_pad_protocol.hpp"
#include "sim/devices/card_deck.hpp"

namespace kiosk::sim {
namespace {

namespace proto = drivers::pin_pad_protocol;
using drivers::ReplyCode;

Bytes begin_entry_data(std::uint8_t min, std::uint8_t max, const std::string& pan) {
    // Built by appending: g++ 12 -O2 reports a false -Warray-bounds for insert() after a
    // three-byte initializer list (GCC bug 107852).
    Bytes data;
    data.reserve(3 + pan.size());
    data.push_back(min);
    data.push_back(max);
    data.push_back(static_cast<std::uint8_t>(pan.size()));
    for (char digit : pan) data.push_back(static_cast<std::uint8_t>(digit));
    return data;
}

class SimPinPadTest : public ::testing::Test {
protected:
    SeededRandom random{7};
    Bytes key = Bytes(16, 0x5A);
    SimPinPad pad{key, random};
    drivers::FrameChannel channel{pad.host_transport(), "test", Millis{10}};
};

TEST_F(SimPinPadTest, NoDigitEverAppearsInTheBytesOnTheWire) {
    const auto& card = sim::card("discover-emil");
    auto begun = channel.exchange(proto::cmd_begin_entry, begin_entry_data(4, 12, card.pan));
    ASSERT_TRUE(begun.ok() && begun->code == ReplyCode::ok);
    for (char d : card.pin) pad.press_digit(d);
    pad.press_enter();
    // Read the raw wire bytes of every event.
    Bytes wire;
    while (auto chunk = pad.host_transport().read(256, Millis{0})) wire.insert(wire.end(), chunk->begin(), chunk->end());
    ASSERT_FALSE(wire.empty());
    for (char d : card.pin) {
        EXPECT_TRUE(std::find(wire.begin(), wire.end(), static_cast<std::uint8_t>(d)) == wire.end())
            << "an ASCII digit of the PIN is on the wire";
    }
    EXPECT_EQ(pad.entry_state(), drivers::PinEntryState::complete);
}

TEST_F(SimPinPadTest, BeginEntryValidatesItsParameters) {
    const std::string pan = sim::card("visa-alice").pan;
    EXPECT_EQ(channel.exchange(proto::cmd_begin_entry, begin_entry_data(3, 6, pan))->code,
              ReplyCode::badParameter);
    EXPECT_EQ(channel.exchange(proto::cmd_begin_entry, begin_entry_data(4, 13, pan))->code,
              ReplyCode::badParameter);
    EXPECT_EQ(channel.exchange(proto::cmd_begin_entry, begin_entry_data(4, 6, "12a4"))->code,
              ReplyCode::badParameter);
    Bytes short_pan = begin_entry_data(4, 6, pan);
    short_pan.pop_back();  // PAN length byte promises one more digit than is sent
    EXPECT_EQ(channel.exchange(proto::cmd_begin_entry, short_pan)->code, ReplyCode::badParameter);
    EXPECT_EQ(pad.entry_state(), drivers::PinEntryState::idle);
}

TEST_F(SimPinPadTest, PinBlockBeforeCompletionIsASequenceError) {
    EXPECT_EQ(channel.exchange(proto::cmd_get_pin_block)->code, ReplyCode::sequenceError);
}

TEST_F(SimPinPadTest, BadKeyLengthGivesACryptoErrorNotACrash) {
    SimPinPad broken{Bytes(5, 0x01), random};
    drivers::FrameChannel wire{broken.host_transport(), "test", Millis{10}};
    ASSERT_EQ(wire.exchange(proto::cmd_begin_entry, begin_entry_data(4, 6, sim::card("visa-alice").pan))->code,
              ReplyCode::ok);
    broken.type_pin("1234");
    EXPECT_EQ(wire.exchange(proto::cmd_get_pin_block)->code, ReplyCode::cryptoError);
}

TEST_F(SimPinPadTest, DevApiRejectsImpossibleKeys) {
    EXPECT_THROW(pad.press_digit('x'), std::invalid_argument);
    EXPECT_THROW(pad.press_function(9), std::invalid_argument);
}

TEST_F(SimPinPadTest, UnknownCommandIsAnswered) {
    EXPECT_EQ(channel.exchange(0x5E)->code, ReplyCode::unknownCommand);
}

}  // namespace
}  // namespace kiosk::sim
