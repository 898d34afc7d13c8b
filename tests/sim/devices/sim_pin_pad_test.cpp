// Tests for sim/devices/sim_pin_pad.hpp at the frame level: digits never reach the wire in a PIN
// mode and do in data mode, the pad validates what it is sent (an older host's frame layout
// included), and the dev API rejects impossible keys.
#include "sim/devices/sim_pin_pad.hpp"

#include <gtest/gtest.h>

#include "drivers/frame/frame_channel.hpp"
#include "drivers/pinpad/pin_pad_protocol.hpp"
#include "sim/devices/card_deck.hpp"

namespace kiosk::sim {
namespace {

namespace proto = drivers::pin_pad_protocol;
using drivers::ReplyCode;

using drivers::EntryMode;

Bytes begin_entry_data(std::uint8_t min, std::uint8_t max, const std::string& pan,
                       EntryMode mode = EntryMode::pin) {
    // Built by appending: g++ 12 -O2 reports a false -Warray-bounds for insert() after a
    // short initializer list (GCC bug 107852).
    Bytes data;
    data.reserve(4 + pan.size());
    data.push_back(static_cast<std::uint8_t>(mode));
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

// The raw bytes the pad has sent since the last read.
Bytes wire_bytes(SimPinPad& pad) {
    Bytes wire;
    while (auto chunk = pad.host_transport().read(256, Millis{0})) wire.insert(wire.end(), chunk->begin(), chunk->end());
    return wire;
}

bool on_the_wire(const Bytes& wire, char digit) {
    return std::find(wire.begin(), wire.end(), static_cast<std::uint8_t>(digit)) != wire.end();
}

TEST_F(SimPinPadTest, NoDigitEverAppearsInTheBytesOnTheWire) {
    const auto& card = sim::card("discover-emil");
    auto begun = channel.exchange(proto::cmd_begin_entry, begin_entry_data(4, 12, card.pan));
    ASSERT_TRUE(begun.ok() && begun->code == ReplyCode::ok);
    for (char d : card.pin) pad.press_digit(d);
    pad.press_enter();
    const Bytes wire = wire_bytes(pad);
    ASSERT_FALSE(wire.empty());
    for (char d : card.pin) EXPECT_FALSE(on_the_wire(wire, d)) << "an ASCII digit of the PIN is on the wire";
    EXPECT_EQ(pad.entry_state(), drivers::PinEntryState::complete);
}

TEST_F(SimPinPadTest, NoDigitOfANewPinOrItsConfirmationIsOnTheWire) {
    const std::string pan = sim::card("discover-emil").pan;
    const std::string new_pin = "5678";  // not 0–4: the PAN length and counts are small numbers
    for (EntryMode mode : {EntryMode::new_pin, EntryMode::confirm_new_pin}) {
        auto begun = channel.exchange(proto::cmd_begin_entry, begin_entry_data(4, 12, pan, mode));
        ASSERT_TRUE(begun.ok() && begun->code == ReplyCode::ok);
        pad.type_pin(new_pin);
        const Bytes wire = wire_bytes(pad);
        ASSERT_FALSE(wire.empty());
        for (char d : new_pin) EXPECT_FALSE(on_the_wire(wire, d)) << "a digit of the new PIN is on the wire";
    }
    EXPECT_EQ(pad.entry_state(), drivers::PinEntryState::complete);
}

TEST_F(SimPinPadTest, DataModeDigitsAreOnTheWireInTheKeyEvents) {
    auto begun = channel.exchange(proto::cmd_begin_entry, begin_entry_data(1, 6, "", EntryMode::data));
    ASSERT_TRUE(begun.ok() && begun->code == ReplyCode::ok);
    pad.press_digit('8');
    auto events = channel.poll_events();
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 1u);
    EXPECT_EQ((*events)[0].command, proto::evt_key);
    EXPECT_EQ((*events)[0].data, (Bytes{static_cast<std::uint8_t>(drivers::PinKey::digit), 1, '8'}));
    pad.press_function(2);  // other keys keep the two-byte layout
    events = channel.poll_events();
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 1u);
    EXPECT_EQ((*events)[0].data, (Bytes{static_cast<std::uint8_t>(drivers::PinKey::f2), 1}));
}

TEST_F(SimPinPadTest, ConfirmationEntryNeedsAKeptNewPinForTheSamePan) {
    const std::string pan = sim::card("visa-alice").pan;
    EXPECT_EQ(channel.exchange(proto::cmd_begin_entry, begin_entry_data(4, 12, pan, EntryMode::confirm_new_pin))->code,
              ReplyCode::sequenceError);
    ASSERT_EQ(channel.exchange(proto::cmd_begin_entry, begin_entry_data(4, 12, pan, EntryMode::new_pin))->code,
              ReplyCode::ok);
    pad.type_pin("2580");
    EXPECT_TRUE(pad.holds_new_pin());
    EXPECT_EQ(pad.entry_state(), drivers::PinEntryState::idle);
    EXPECT_EQ(channel.exchange(proto::cmd_get_pin_block)->code, ReplyCode::sequenceError);
    EXPECT_EQ(channel.exchange(proto::cmd_begin_entry, begin_entry_data(4, 12, pan, EntryMode::confirm_new_pin))->code,
              ReplyCode::ok);
    EXPECT_EQ(pad.entry_state(), drivers::PinEntryState::entering);
}

TEST_F(SimPinPadTest, MismatchEventCarriesTheCountAndThePadForgetsBoth) {
    const std::string pan = sim::card("visa-alice").pan;
    ASSERT_EQ(channel.exchange(proto::cmd_begin_entry, begin_entry_data(4, 12, pan, EntryMode::new_pin))->code,
              ReplyCode::ok);
    pad.type_pin("2580");
    ASSERT_EQ(channel.exchange(proto::cmd_begin_entry, begin_entry_data(4, 12, pan, EntryMode::confirm_new_pin))->code,
              ReplyCode::ok);
    (void)channel.poll_events();
    pad.type_pin("25800");
    auto events = channel.poll_events();
    ASSERT_TRUE(events.ok());
    ASSERT_FALSE(events->empty());
    EXPECT_EQ(events->back().command, proto::evt_entry_mismatch);
    EXPECT_EQ(events->back().data, Bytes{5});
    EXPECT_FALSE(pad.holds_new_pin());
    EXPECT_EQ(pad.digits_entered(), 0u);
    EXPECT_EQ(pad.entry_state(), drivers::PinEntryState::idle);
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
    EXPECT_EQ(channel.exchange(proto::cmd_begin_entry, begin_entry_data(4, 12, "", EntryMode::new_pin))->code,
              ReplyCode::badParameter);
    EXPECT_EQ(channel.exchange(proto::cmd_begin_entry, Bytes{0, 4})->code, ReplyCode::badParameter);
    EXPECT_EQ(channel.exchange(proto::cmd_begin_entry)->code, ReplyCode::badParameter);
    EXPECT_EQ(pad.entry_state(), drivers::PinEntryState::idle);
}

TEST_F(SimPinPadTest, BeginEntryValidatesTheModeAndTheDataModeLimits) {
    const std::string pan = sim::card("visa-alice").pan;
    Bytes unknown_mode = begin_entry_data(4, 12, pan);
    unknown_mode[0] = 4;
    EXPECT_EQ(channel.exchange(proto::cmd_begin_entry, unknown_mode)->code, ReplyCode::badParameter);
    EXPECT_EQ(channel.exchange(proto::cmd_begin_entry, begin_entry_data(0, 6, "", EntryMode::data))->code,
              ReplyCode::badParameter);
    EXPECT_EQ(channel.exchange(proto::cmd_begin_entry, begin_entry_data(1, 20, "", EntryMode::data))->code,
              ReplyCode::badParameter);
    EXPECT_EQ(channel.exchange(proto::cmd_begin_entry, begin_entry_data(6, 1, "", EntryMode::data))->code,
              ReplyCode::badParameter);
    EXPECT_EQ(channel.exchange(proto::cmd_begin_entry, begin_entry_data(1, 6, pan, EntryMode::data))->code,
              ReplyCode::badParameter);  // no PAN in data mode
    EXPECT_EQ(pad.entry_state(), drivers::PinEntryState::idle);
    EXPECT_EQ(channel.exchange(proto::cmd_begin_entry, begin_entry_data(1, 19, "", EntryMode::data))->code,
              ReplyCode::ok);
    EXPECT_EQ(pad.entry_state(), drivers::PinEntryState::entering);
}

TEST_F(SimPinPadTest, AnOlderHostsFrameWithoutTheModeIsRefusedNotMisread) {
    // min, max, PAN length, PAN: the first byte (min ≥ 4) is no mode.
    const std::string pan = sim::card("visa-alice").pan;
    Bytes old_layout;  // appended, not braced: see begin_entry_data
    old_layout.push_back(4);
    old_layout.push_back(12);
    old_layout.push_back(static_cast<std::uint8_t>(pan.size()));
    for (char digit : pan) old_layout.push_back(static_cast<std::uint8_t>(digit));
    EXPECT_EQ(channel.exchange(proto::cmd_begin_entry, old_layout)->code, ReplyCode::badParameter);
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
