// Tests for the event checks of drivers/pinpad/encrypting_pin_pad.hpp (pin_pad_event_decoder.hpp)
// against a broken pad: a bare FrameEndpoint that accepts every entry and then sends whatever event
// bytes the test gives it. A digit value in a PIN mode, a non-digit in data mode and short or long
// data are each a driver error naming the fault — never a crash, and never a digit passed up.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "drivers/pinpad/encrypting_pin_pad.hpp"
#include "drivers/pinpad/pin_pad_protocol.hpp"
#include "sim/devices/frame_endpoint.hpp"
#include "sim/devices/loopback_transport.hpp"

namespace kiosk::drivers {
namespace {

namespace proto = pin_pad_protocol;

constexpr std::uint8_t digit_key = static_cast<std::uint8_t>(PinKey::digit);
constexpr std::uint8_t enter_key = static_cast<std::uint8_t>(PinKey::enter);

class EncryptingPinPadMalformedEventsTest : public ::testing::Test {
protected:
    // The driver believes an entry in `mode` is running.
    void begin(EntryMode mode) {
        const PinEntryRequest request =
            mode == EntryMode::data ? PinEntryRequest{1, 19, "", mode} : PinEntryRequest{4, 12, "4012888888881881", mode};
        ASSERT_TRUE(pad.begin_pin_entry(request).ok());
    }

    sim::LoopbackPair link{"broken pin pad"};
    sim::FrameEndpoint device{link, [this](const Frame& frame) { device.reply(frame.command, ReplyCode::ok); }};
    EncryptingPinPad pad{link.host(), Millis{50}};
};

TEST_F(EncryptingPinPadMalformedEventsTest, EachMalformedEventIsAnErrorNamingIt) {
    struct Case {
        EntryMode mode;
        std::uint8_t event;
        Bytes data;
        std::string message;
    };
    const std::string digit_in_pin_mode = " mode, where digits never leave the pad";
    const std::vector<Case> cases{
        {EntryMode::pin, proto::evt_key, {digit_key, 1, '7'},
         "malformed event: key event carries a digit value in pin" + digit_in_pin_mode},
        {EntryMode::new_pin, proto::evt_key, {digit_key, 1, '7'},
         "malformed event: key event carries a digit value in new_pin" + digit_in_pin_mode},
        {EntryMode::confirm_new_pin, proto::evt_key, {digit_key, 1, '7'},
         "malformed event: key event carries a digit value in confirm_new_pin" + digit_in_pin_mode},
        {EntryMode::pin, proto::evt_key, {enter_key, 1, '7'},
         "malformed event: key event carries a digit value in pin" + digit_in_pin_mode},
        {EntryMode::data, proto::evt_key, {digit_key, 1, 'x'},
         "malformed event: data-mode digit value is not an ASCII digit"},
        {EntryMode::data, proto::evt_key, {digit_key, 1, 0x00},
         "malformed event: data-mode digit value is not an ASCII digit"},
        {EntryMode::data, proto::evt_key, {digit_key, 1},
         "malformed event: data-mode digit key event lacks the digit value"},
        {EntryMode::data, proto::evt_key, {enter_key, 1, '7'},
         "malformed event: key event carries a value for a key that is not a digit"},
        {EntryMode::pin, proto::evt_key, {digit_key},
         "malformed event: key event has 1 data bytes, expected 2 or 3"},
        {EntryMode::data, proto::evt_key, {},
         "malformed event: key event has 0 data bytes, expected 2 or 3"},
        {EntryMode::data, proto::evt_key, {digit_key, 1, '7', '8'},
         "malformed event: key event has 4 data bytes, expected 2 or 3"},
        {EntryMode::pin, proto::evt_key, {0x7F, 1}, "malformed event: key event names an unknown key"},
        {EntryMode::pin, proto::evt_entry_complete, {},
         "malformed event: entry event has 0 data bytes, expected 1"},
        {EntryMode::confirm_new_pin, proto::evt_entry_mismatch, {4, 0},
         "malformed event: entry event has 2 data bytes, expected 1"},
        {EntryMode::new_pin, proto::evt_entry_mismatch, {4},
         "malformed event: entry mismatch event outside a confirm_new_pin entry"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.message);
        begin(c.mode);
        device.event(c.event, c.data);
        auto events = pad.poll();
        ASSERT_FALSE(events.ok()) << "the driver accepted a malformed event";
        EXPECT_EQ(events.error().domain, "pin pad");
        EXPECT_EQ(events.error().message, c.message);
        EXPECT_EQ(events.error().message.find('7'), std::string::npos) << "the value byte is quoted";

        // The pad's next good event is read normally: one bad frame does not wedge the driver.
        device.event(proto::evt_key, Bytes{enter_key, 0});
        auto next = pad.poll();
        ASSERT_TRUE(next.ok()) << next.error().to_string();
        ASSERT_EQ(next->size(), 1u);
        EXPECT_EQ(next->front(), (PinPadEvent{PinPadEvent::Kind::keyPressed, PinKey::enter, 0}));
    }
}

TEST_F(EncryptingPinPadMalformedEventsTest, WellFormedEventsOfEachModeAreRead) {
    begin(EntryMode::data);
    device.event(proto::evt_key, Bytes{digit_key, 1, '0'});
    device.event(proto::evt_key, Bytes{digit_key, 2, '9'});
    begin(EntryMode::confirm_new_pin);
    device.event(proto::evt_key, Bytes{digit_key, 1});
    device.event(proto::evt_entry_mismatch, Bytes{1});
    device.event(0xEE, Bytes{1, 2, 3});  // an event of newer firmware: skipped
    auto events = pad.poll();
    ASSERT_TRUE(events.ok()) << events.error().to_string();
    ASSERT_EQ(events->size(), 4u);
    EXPECT_EQ((*events)[0], (PinPadEvent{PinPadEvent::Kind::keyPressed, PinKey::digit, 1, '0'}));
    EXPECT_EQ((*events)[1], (PinPadEvent{PinPadEvent::Kind::keyPressed, PinKey::digit, 2, '9'}));
    EXPECT_EQ((*events)[2], (PinPadEvent{PinPadEvent::Kind::keyPressed, PinKey::digit, 1}));
    EXPECT_EQ((*events)[3], (PinPadEvent{PinPadEvent::Kind::entryMismatch, PinKey::enter, 1}));
}

}  // namespace
}  // namespace kiosk::drivers
