// Tests for drivers/pinpad/encrypting_pin_pad.hpp: the real driver against SimPinPad through a
// LoopbackPair. Key events are masked; the PIN block is 16 bytes, is not the PIN, and deciphers
// (security::decipher_format4) back to the typed PIN. No PIN, PAN or block is ever printed.
#include "drivers/pinpad/encrypting_pin_pad.hpp"

#include <gtest/gtest.h>

#include "drivers/frame/reply_code.hpp"
#include "security/pin_block.hpp"
#include "sim/devices/card_deck.hpp"
#include "sim/devices/sim_pin_pad.hpp"

namespace kiosk::drivers {
namespace {

const Bytes& pin_key() {
    static const Bytes key = from_hex("00112233445566778899AABBCCDDEEFF").value();
    return key;
}

class EncryptingPinPadTest : public ::testing::Test {
protected:
    std::vector<PinPadEvent> poll() {
        auto events = pad.poll();
        EXPECT_TRUE(events.ok()) << events.error().to_string();
        return events.ok() ? *events : std::vector<PinPadEvent>{};
    }
    PinEntryRequest request_for(const sim::VirtualCard& card, std::uint8_t min = 4,
                                std::uint8_t max = 12) {
        return PinEntryRequest{min, max, card.pan};
    }

    SeededRandom random{42};
    sim::SimPinPad sim{pin_key(), random};
    EncryptingPinPad pad{sim.host_transport(), Millis{50}};
};

TEST_F(EncryptingPinPadTest, TypedPinComesBackOnlyInsideTheBlock) {
    const auto& card = sim::card("visa-alice");
    ASSERT_TRUE(pad.begin_pin_entry(request_for(card)).ok());
    sim.type_pin(card.pin);

    auto events = poll();
    ASSERT_EQ(events.size(), card.pin.size() + 2);  // digits, ENTER, entry complete
    for (std::size_t i = 0; i < card.pin.size(); ++i) {
        EXPECT_EQ(events[i], (PinPadEvent{PinPadEvent::Kind::keyPressed, PinKey::digit,
                                          static_cast<std::uint8_t>(i + 1)}));
    }
    EXPECT_EQ(events[card.pin.size()].key, PinKey::enter);
    EXPECT_EQ(events.back().kind, PinPadEvent::Kind::entryComplete);
    EXPECT_EQ(events.back().digits_entered, card.pin.size());

    auto block = pad.get_pin_block();
    ASSERT_TRUE(block.ok()) << block.error().to_string();
    EXPECT_EQ(block->size(), 16u);
    const std::string block_text(block->begin(), block->end());
    EXPECT_TRUE(block_text.find(card.pin) == std::string::npos) << "PIN digits visible in block";
    EXPECT_TRUE(to_hex(*block).find(card.pin) == std::string::npos) << "PIN visible in block hex";

    auto pin = security::decipher_format4(pin_key(), *block, card.pan);
    ASSERT_TRUE(pin.ok()) << pin.error().message;
    EXPECT_TRUE(pin->view() == card.pin) << "deciphered PIN differs from the typed one";
}

TEST_F(EncryptingPinPadTest, SamePinTwiceGivesDifferentBlocksBecauseOfTheRandomPad) {
    const auto& card = sim::card("mc-chen");
    Bytes first;
    for (int round = 0; round < 2; ++round) {
        ASSERT_TRUE(pad.begin_pin_entry(request_for(card)).ok());
        sim.type_pin(card.pin);
        auto block = pad.get_pin_block();
        ASSERT_TRUE(block.ok());
        auto pin = security::decipher_format4(pin_key(), *block, card.pan);
        ASSERT_TRUE(pin.ok());
        EXPECT_TRUE(pin->view() == card.pin);
        if (round == 0) first = *block;
        else EXPECT_TRUE(first != *block) << "two blocks for the same PIN are identical";
    }
}

TEST_F(EncryptingPinPadTest, ClearAndBackspaceEditTheEntry) {
    const auto& card = sim::card("visa-diana");
    ASSERT_TRUE(pad.begin_pin_entry(request_for(card)).ok());
    sim.press_digit('9');
    sim.press_digit('9');
    sim.press_clear();
    sim.press_digit('1');
    sim.press_digit('1');
    sim.press_digit('1');
    sim.press_digit('7');
    sim.press_backspace();
    sim.press_digit('1');
    sim.press_enter();
    auto events = poll();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events[2], (PinPadEvent{PinPadEvent::Kind::keyPressed, PinKey::clear, 0}));
    EXPECT_EQ(events.back().kind, PinPadEvent::Kind::entryComplete);

    auto block = pad.get_pin_block();
    ASSERT_TRUE(block.ok());
    auto pin = security::decipher_format4(pin_key(), *block, card.pan);
    ASSERT_TRUE(pin.ok());
    EXPECT_TRUE(pin->view() == card.pin);
}

TEST_F(EncryptingPinPadTest, EnterBeforeMinimumLengthDoesNotCompleteTheEntry) {
    ASSERT_TRUE(pad.begin_pin_entry(request_for(sim::card("visa-alice"), 6, 6)).ok());
    sim.type_pin("1234");
    auto events = poll();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back(), (PinPadEvent{PinPadEvent::Kind::keyPressed, PinKey::enter, 4}));
    EXPECT_EQ(pad.status().entry, PinEntryState::entering);
    auto block = pad.get_pin_block();
    ASSERT_FALSE(block.ok());
    EXPECT_EQ(reply_code_of(block.error()), ReplyCode::sequenceError);
}

TEST_F(EncryptingPinPadTest, DigitsBeyondTheMaximumAreIgnored) {
    ASSERT_TRUE(pad.begin_pin_entry(request_for(sim::card("visa-alice"), 4, 4)).ok());
    for (char d : std::string("123456")) sim.press_digit(d);
    EXPECT_EQ(sim.digits_entered(), 4u);
    EXPECT_EQ(poll().size(), 4u);
}

TEST_F(EncryptingPinPadTest, CancelKeyEndsTheEntryAndForgetsTheDigits) {
    ASSERT_TRUE(pad.begin_pin_entry(request_for(sim::card("visa-alice"))).ok());
    sim.press_digit('1');
    sim.press_digit('2');
    sim.press_cancel();
    auto events = poll();
    ASSERT_EQ(events.size(), 4u);
    EXPECT_EQ(events[2].key, PinKey::cancel);
    EXPECT_EQ(events[3], (PinPadEvent{PinPadEvent::Kind::entryCancelled, PinKey::cancel, 2}));
    EXPECT_EQ(sim.digits_entered(), 0u);
    EXPECT_EQ(pad.status().entry, PinEntryState::idle);
}

TEST_F(EncryptingPinPadTest, HostCancelAbandonsTheEntry) {
    ASSERT_TRUE(pad.begin_pin_entry(request_for(sim::card("visa-alice"))).ok());
    sim.type_pin("1234");
    ASSERT_TRUE(pad.cancel_entry().ok());
    EXPECT_EQ(reply_code_of(pad.get_pin_block().error()), ReplyCode::sequenceError);
}

TEST_F(EncryptingPinPadTest, FunctionKeysAndDigitsOutsideAnEntry) {
    sim.press_digit('5');  // swallowed: no entry running
    sim.press_function(3);
    auto events = poll();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].key, PinKey::f3);
}

TEST_F(EncryptingPinPadTest, RequestsOutsideIsoLimitsAreRefusedBeforeTheWire) {
    const std::string pan = sim::card("visa-alice").pan;
    EXPECT_FALSE(pad.begin_pin_entry({3, 6, pan}).ok());
    EXPECT_FALSE(pad.begin_pin_entry({4, 13, pan}).ok());
    EXPECT_FALSE(pad.begin_pin_entry({8, 6, pan}).ok());
    EXPECT_FALSE(pad.begin_pin_entry({4, 6, ""}).ok());
    EXPECT_FALSE(pad.begin_pin_entry({4, 6, "12345678901234567890"}).ok());
    auto letters = pad.begin_pin_entry({4, 6, "4012abcd"});
    ASSERT_FALSE(letters.ok());
    EXPECT_EQ(letters.error().message.find("4012"), std::string::npos);
    EXPECT_EQ(sim.entry_state(), PinEntryState::idle);
}

TEST_F(EncryptingPinPadTest, CryptoFaultIsReportedAndTheEntryIsOver) {
    const auto& card = sim::card("visa-alice");
    sim.fail_crypto(sim::FaultMode::once);
    ASSERT_TRUE(pad.begin_pin_entry(request_for(card)).ok());
    sim.type_pin(card.pin);
    auto block = pad.get_pin_block();
    ASSERT_FALSE(block.ok());
    EXPECT_EQ(reply_code_of(block.error()), ReplyCode::cryptoError);
    EXPECT_EQ(sim.entry_state(), PinEntryState::idle);
}

TEST_F(EncryptingPinPadTest, StatusIsOnlineThenOfflineWhenPoweredOff) {
    auto status = pad.status();
    EXPECT_EQ(status.device.state, DeviceState::online);
    EXPECT_EQ(status.entry, PinEntryState::idle);
    sim.set_powered(false);
    status = pad.status();
    EXPECT_EQ(status.device.state, DeviceState::offline);
    EXPECT_FALSE(pad.begin_pin_entry(request_for(sim::card("visa-alice"))).ok());
}

}  // namespace
}  // namespace kiosk::drivers
