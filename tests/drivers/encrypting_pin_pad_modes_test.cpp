// Tests for the entry modes of drivers/pinpad/encrypting_pin_pad.hpp against SimPinPad: a new PIN
// typed twice and compared inside the pad, whose block deciphers to the new PIN; clear data entry
// whose key events carry the digits; and the hard rule that no PIN-mode event ever carries a digit.
// No PIN, PAN or block is ever printed.
#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "drivers/frame/reply_code.hpp"
#include "drivers/pinpad/encrypting_pin_pad.hpp"
#include "security/pin_block.hpp"
#include "sim/devices/card_deck.hpp"
#include "sim/devices/sim_pin_pad.hpp"

namespace kiosk::drivers {
namespace {

const Bytes& pin_key() {
    static const Bytes key = from_hex("00112233445566778899AABBCCDDEEFF").value();
    return key;
}

PinEntryRequest pin_request(EntryMode mode, const std::string& pan) { return {4, 12, pan, mode}; }
PinEntryRequest data_request(std::uint8_t min, std::uint8_t max) { return {min, max, "", EntryMode::data}; }

class EncryptingPinPadModesTest : public ::testing::Test {
protected:
    std::vector<PinPadEvent> poll() {
        auto events = pad.poll();
        EXPECT_TRUE(events.ok()) << events.error().to_string();
        return events.ok() ? *events : std::vector<PinPadEvent>{};
    }
    // A completed new_pin entry of `new_pin` for `pan`, its events polled.
    void enter_new_pin(const std::string& pan, const std::string& new_pin) {
        ASSERT_TRUE(pad.begin_pin_entry(pin_request(EntryMode::new_pin, pan)).ok());
        sim.type_pin(new_pin);
        auto events = poll();
        ASSERT_FALSE(events.empty());
        ASSERT_EQ(events.back().kind, PinPadEvent::Kind::entryComplete);
    }

    SeededRandom random{42};
    sim::SimPinPad sim{pin_key(), random};
    EncryptingPinPad pad{sim.host_transport(), Millis{50}};
    const sim::VirtualCard& alice = sim::card("visa-alice");
};

// --- PIN change ---

TEST_F(EncryptingPinPadModesTest, NewPinThenMatchingConfirmationGivesTheBlockOfTheNewPin) {
    const std::string new_pin = "86420";
    ASSERT_NE(new_pin, alice.pin);
    ASSERT_TRUE(pad.begin_pin_entry(pin_request(EntryMode::new_pin, alice.pan)).ok());
    sim.type_pin(new_pin);
    auto events = poll();
    ASSERT_EQ(events.size(), new_pin.size() + 2);  // digits, ENTER, entry complete
    EXPECT_EQ(events.back(), (PinPadEvent{PinPadEvent::Kind::entryComplete, PinKey::enter, 5}));
    EXPECT_TRUE(sim.holds_new_pin());
    EXPECT_EQ(pad.status().entry, PinEntryState::idle);  // nothing to take until confirmed

    ASSERT_TRUE(pad.begin_pin_entry(pin_request(EntryMode::confirm_new_pin, alice.pan)).ok());
    sim.type_pin(new_pin);
    events = poll();
    ASSERT_EQ(events.size(), new_pin.size() + 2);
    EXPECT_EQ(events.back(), (PinPadEvent{PinPadEvent::Kind::entryComplete, PinKey::enter, 5}));
    EXPECT_EQ(pad.status().entry, PinEntryState::complete);
    EXPECT_FALSE(sim.holds_new_pin());

    auto block = pad.get_pin_block();
    ASSERT_TRUE(block.ok()) << block.error().to_string();
    ASSERT_EQ(block->size(), 16u);
    auto pin = security::decipher_format4(pin_key(), *block, alice.pan);
    ASSERT_TRUE(pin.ok()) << pin.error().message;
    EXPECT_TRUE(pin->view() == new_pin) << "the block is not of the new PIN";

    // The pad forgot both: no second block, no second confirmation.
    EXPECT_EQ(reply_code_of(pad.get_pin_block().error()), ReplyCode::sequenceError);
    auto again = pad.begin_pin_entry(pin_request(EntryMode::confirm_new_pin, alice.pan));
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(reply_code_of(again.error()), ReplyCode::sequenceError);
}

TEST_F(EncryptingPinPadModesTest, PinBlockAfterANewPinEntryIsASequenceErrorAndTheNewPinIsKept) {
    enter_new_pin(alice.pan, "5555");
    auto block = pad.get_pin_block();
    ASSERT_FALSE(block.ok());
    EXPECT_EQ(reply_code_of(block.error()), ReplyCode::sequenceError);
    EXPECT_TRUE(sim.holds_new_pin());

    ASSERT_TRUE(pad.begin_pin_entry(pin_request(EntryMode::confirm_new_pin, alice.pan)).ok());
    sim.type_pin("5555");
    auto confirmed = pad.get_pin_block();
    ASSERT_TRUE(confirmed.ok());
    auto pin = security::decipher_format4(pin_key(), *confirmed, alice.pan);
    ASSERT_TRUE(pin.ok());
    EXPECT_TRUE(pin->view() == "5555");
}

TEST_F(EncryptingPinPadModesTest, MismatchedConfirmationForgetsBothAndTheNextConfirmIsRefused) {
    enter_new_pin(alice.pan, "1111");
    ASSERT_TRUE(pad.begin_pin_entry(pin_request(EntryMode::confirm_new_pin, alice.pan)).ok());
    sim.type_pin("2222");
    auto events = poll();
    ASSERT_EQ(events.size(), 6u);  // 4 digits, ENTER, mismatch
    EXPECT_EQ(events[4], (PinPadEvent{PinPadEvent::Kind::keyPressed, PinKey::enter, 4}));
    EXPECT_EQ(events[5], (PinPadEvent{PinPadEvent::Kind::entryMismatch, PinKey::enter, 4}));
    EXPECT_EQ(pad.status().entry, PinEntryState::idle);
    EXPECT_EQ(sim.digits_entered(), 0u);
    EXPECT_FALSE(sim.holds_new_pin());
    EXPECT_EQ(reply_code_of(pad.get_pin_block().error()), ReplyCode::sequenceError);

    auto refused = pad.begin_pin_entry(pin_request(EntryMode::confirm_new_pin, alice.pan));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(reply_code_of(refused.error()), ReplyCode::sequenceError);
    EXPECT_EQ(refused.error().message, "begin confirm_new_pin entry failed: sequence error");

    // The flow asks for the new PIN again, and then it works.
    enter_new_pin(alice.pan, "3333");
    ASSERT_TRUE(pad.begin_pin_entry(pin_request(EntryMode::confirm_new_pin, alice.pan)).ok());
    sim.type_pin("3333");
    EXPECT_EQ(poll().back().kind, PinPadEvent::Kind::entryComplete);
}

TEST_F(EncryptingPinPadModesTest, ConfirmationWithoutAKeptNewPinIsRefused) {
    auto fresh = pad.begin_pin_entry(pin_request(EntryMode::confirm_new_pin, alice.pan));
    ASSERT_FALSE(fresh.ok());
    EXPECT_EQ(reply_code_of(fresh.error()), ReplyCode::sequenceError);

    // A plain PIN entry keeps nothing for a confirmation.
    ASSERT_TRUE(pad.begin_pin_entry(pin_request(EntryMode::pin, alice.pan)).ok());
    sim.type_pin(alice.pin);
    ASSERT_TRUE(pad.get_pin_block().ok());
    auto after_pin = pad.begin_pin_entry(pin_request(EntryMode::confirm_new_pin, alice.pan));
    ASSERT_FALSE(after_pin.ok());
    EXPECT_EQ(reply_code_of(after_pin.error()), ReplyCode::sequenceError);
    EXPECT_EQ(sim.entry_state(), PinEntryState::idle);
}

TEST_F(EncryptingPinPadModesTest, ConfirmationForAnotherCardIsRefusedAndForgetsTheNewPin) {
    enter_new_pin(alice.pan, "4321");
    auto other = pad.begin_pin_entry(pin_request(EntryMode::confirm_new_pin, sim::card("mc-chen").pan));
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(reply_code_of(other.error()), ReplyCode::sequenceError);
    EXPECT_FALSE(sim.holds_new_pin());
    EXPECT_FALSE(pad.begin_pin_entry(pin_request(EntryMode::confirm_new_pin, alice.pan)).ok());
}

TEST_F(EncryptingPinPadModesTest, EveryWayOfGivingUpForgetsAKeptNewPin) {
    struct Case {
        const char* name;
        std::function<void(EncryptingPinPad&, sim::SimPinPad&)> give_up;
    };
    const std::string pan = alice.pan;
    const std::vector<Case> cases{
        {"host cancel", [](EncryptingPinPad& p, sim::SimPinPad&) { ASSERT_TRUE(p.cancel_entry().ok()); }},
        {"cancel key", [](EncryptingPinPad&, sim::SimPinPad& s) { s.press_cancel(); }},
        {"new PIN entry",
         [&pan](EncryptingPinPad& p, sim::SimPinPad&) { ASSERT_TRUE(p.begin_pin_entry(pin_request(EntryMode::pin, pan)).ok()); }},
        {"new data entry",
         [](EncryptingPinPad& p, sim::SimPinPad&) { ASSERT_TRUE(p.begin_pin_entry(data_request(1, 6)).ok()); }},
        {"new new_pin entry",
         [&pan](EncryptingPinPad& p, sim::SimPinPad&) { ASSERT_TRUE(p.begin_pin_entry(pin_request(EntryMode::new_pin, pan)).ok()); }},
        {"cancel key during the confirmation",
         [&pan](EncryptingPinPad& p, sim::SimPinPad& s) {
             ASSERT_TRUE(p.begin_pin_entry(pin_request(EntryMode::confirm_new_pin, pan)).ok());
             s.press_digit('1');
             s.press_cancel();
         }},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        enter_new_pin(pan, "2468");
        ASSERT_TRUE(sim.holds_new_pin());
        c.give_up(pad, sim);
        EXPECT_FALSE(sim.holds_new_pin());
        EXPECT_EQ(sim.digits_entered(), 0u);
        auto confirm = pad.begin_pin_entry(pin_request(EntryMode::confirm_new_pin, pan));
        ASSERT_FALSE(confirm.ok());
        EXPECT_EQ(reply_code_of(confirm.error()), ReplyCode::sequenceError);
        (void)pad.poll();
    }
}

TEST_F(EncryptingPinPadModesTest, NoPinModeEventEverCarriesADigit) {
    std::vector<PinPadEvent> all;
    auto collect = [&] {
        auto events = poll();
        all.insert(all.end(), events.begin(), events.end());
    };
    ASSERT_TRUE(pad.begin_pin_entry(pin_request(EntryMode::pin, alice.pan)).ok());
    sim.press_digit('9');
    sim.press_backspace();
    sim.type_pin(alice.pin);
    collect();
    ASSERT_TRUE(pad.get_pin_block().ok());
    ASSERT_TRUE(pad.begin_pin_entry(pin_request(EntryMode::new_pin, alice.pan)).ok());
    sim.type_pin("97531");
    collect();
    ASSERT_TRUE(pad.begin_pin_entry(pin_request(EntryMode::confirm_new_pin, alice.pan)).ok());
    sim.press_clear();
    sim.type_pin("97531");
    collect();

    std::size_t digit_keys = 0;
    for (const PinPadEvent& event : all) {
        EXPECT_FALSE(event.digit.has_value()) << "a PIN-mode event carries a digit";
        if (event.key == PinKey::digit) ++digit_keys;
    }
    EXPECT_EQ(digit_keys, 1 + alice.pin.size() + 5 + 5);
}

// --- clear data entry ---

TEST_F(EncryptingPinPadModesTest, DataEntryReportsEachDigitAndCompletesWithoutABlock) {
    const std::string phone = "07700900123";
    ASSERT_TRUE(pad.begin_pin_entry(data_request(11, 11)).ok());
    sim.type_pin(phone);
    auto events = poll();
    ASSERT_EQ(events.size(), phone.size() + 2);
    std::string reported;
    for (std::size_t i = 0; i < phone.size(); ++i) {
        EXPECT_EQ(events[i].kind, PinPadEvent::Kind::keyPressed);
        EXPECT_EQ(events[i].key, PinKey::digit);
        EXPECT_EQ(events[i].digits_entered, i + 1);
        ASSERT_TRUE(events[i].digit.has_value());
        reported += *events[i].digit;
    }
    EXPECT_EQ(reported, phone);
    EXPECT_EQ(events[phone.size()], (PinPadEvent{PinPadEvent::Kind::keyPressed, PinKey::enter, 11}));
    EXPECT_EQ(events.back(), (PinPadEvent{PinPadEvent::Kind::entryComplete, PinKey::enter, 11}));
    EXPECT_EQ(pad.status().entry, PinEntryState::idle);

    auto block = pad.get_pin_block();
    ASSERT_FALSE(block.ok());
    EXPECT_EQ(reply_code_of(block.error()), ReplyCode::sequenceError);
}

TEST_F(EncryptingPinPadModesTest, DataEntryHonoursItsLimitsAndEdits) {
    // An amount of at most 6 digits: the 7th is swallowed; a backspace and a clear are reported
    // without a value, and the count follows them.
    ASSERT_TRUE(pad.begin_pin_entry(data_request(1, 6)).ok());
    for (char d : std::string("1234567")) sim.press_digit(d);
    sim.press_backspace();
    sim.press_clear();
    sim.press_digit('5');
    sim.press_enter();
    auto events = poll();
    ASSERT_EQ(events.size(), 11u);  // 6 digits, backspace, clear, 1 digit, ENTER, complete
    EXPECT_EQ(events[5].digit, std::optional<char>('6'));
    EXPECT_EQ(events[6], (PinPadEvent{PinPadEvent::Kind::keyPressed, PinKey::backspace, 5}));
    EXPECT_EQ(events[7], (PinPadEvent{PinPadEvent::Kind::keyPressed, PinKey::clear, 0}));
    EXPECT_EQ(events[8], (PinPadEvent{PinPadEvent::Kind::keyPressed, PinKey::digit, 1, '5'}));
    EXPECT_EQ(events[10], (PinPadEvent{PinPadEvent::Kind::entryComplete, PinKey::enter, 1}));
}

TEST_F(EncryptingPinPadModesTest, OneTimeCodeCompletesOnlyAtItsFullLength) {
    ASSERT_TRUE(pad.begin_pin_entry(data_request(8, 8)).ok());
    sim.type_pin("1234567");
    EXPECT_EQ(poll().back(), (PinPadEvent{PinPadEvent::Kind::keyPressed, PinKey::enter, 7}));
    EXPECT_EQ(pad.status().entry, PinEntryState::entering);
    sim.press_digit('8');
    sim.press_enter();
    auto events = poll();
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0], (PinPadEvent{PinPadEvent::Kind::keyPressed, PinKey::digit, 8, '8'}));
    EXPECT_EQ(events[2].kind, PinPadEvent::Kind::entryComplete);
}

TEST_F(EncryptingPinPadModesTest, LongestDataEntryOfNineteenDigitsFits) {
    const std::string digits = "1234567890123456789";
    ASSERT_TRUE(pad.begin_pin_entry(data_request(1, 19)).ok());
    sim.type_pin(digits);
    auto events = poll();
    ASSERT_EQ(events.size(), 21u);
    EXPECT_EQ(events[18].digit, std::optional<char>('9'));
    EXPECT_EQ(events.back(), (PinPadEvent{PinPadEvent::Kind::entryComplete, PinKey::enter, 19}));
}

TEST_F(EncryptingPinPadModesTest, EventsQueuedBeforeANewEntryAreReadInTheirOwnMode) {
    // Data digits not yet polled when a PIN entry begins: still handed up, with their values;
    // the PIN digits after them without.
    ASSERT_TRUE(pad.begin_pin_entry(data_request(1, 6)).ok());
    sim.press_digit('4');
    sim.press_digit('2');
    ASSERT_TRUE(pad.begin_pin_entry(pin_request(EntryMode::pin, alice.pan)).ok());
    sim.press_digit('7');
    auto events = poll();
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0].digit, std::optional<char>('4'));
    EXPECT_EQ(events[1].digit, std::optional<char>('2'));
    EXPECT_EQ(events[2], (PinPadEvent{PinPadEvent::Kind::keyPressed, PinKey::digit, 1}));
    EXPECT_FALSE(events[2].digit.has_value());
}

// --- requests the driver refuses before the wire ---

TEST_F(EncryptingPinPadModesTest, EachBadRequestIsRefusedWithAMessageNamingTheProblem) {
    struct Case {
        PinEntryRequest request;
        std::string message;
    };
    const std::string pan = alice.pan;
    const std::vector<Case> cases{
        {{0, 6, "", EntryMode::data}, "data entry length limits must satisfy 1 <= min <= max <= 19, got 0..6"},
        {{1, 20, "", EntryMode::data}, "data entry length limits must satisfy 1 <= min <= max <= 19, got 1..20"},
        {{7, 6, "", EntryMode::data}, "data entry length limits must satisfy 1 <= min <= max <= 19, got 7..6"},
        {{1, 6, pan, EntryMode::data}, "data entry takes no PAN (card data stays off the wire)"},
        {{3, 12, pan, EntryMode::new_pin}, "PIN length limits must satisfy 4 <= min <= max <= 12, got 3..12"},
        {{4, 13, pan, EntryMode::confirm_new_pin}, "PIN length limits must satisfy 4 <= min <= max <= 12, got 4..13"},
        {{4, 12, "", EntryMode::new_pin}, "PAN for the PIN block must be 1-19 digits"},
        {{4, 12, "", EntryMode::confirm_new_pin}, "PAN for the PIN block must be 1-19 digits"},
        {{4, 12, pan, static_cast<EntryMode>(7)}, "unknown entry mode 7"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.message);
        auto status = pad.begin_pin_entry(c.request);
        ASSERT_FALSE(status.ok());
        EXPECT_EQ(status.error().domain, "pin pad");
        EXPECT_EQ(status.error().message, c.message);
        EXPECT_EQ(status.error().message.find(pan), std::string::npos);
        EXPECT_EQ(sim.entry_state(), PinEntryState::idle);
    }
    EXPECT_TRUE(validate(data_request(1, 19)).ok());
    EXPECT_TRUE(validate(pin_request(EntryMode::confirm_new_pin, pan)).ok());
}

// --- navigation: choosing on screen with the pad's keys (docs/devices.md, "PIN pad") ---

PinEntryRequest navigation_request() { return {0, 0, "", EntryMode::navigation}; }

TEST_F(EncryptingPinPadModesTest, NavigationReportsEveryKeyWithItsDigitAndCollectsNothing) {
    ASSERT_TRUE(pad.begin_pin_entry(navigation_request()).ok());
    EXPECT_TRUE(sim.navigating());
    sim.press_digit('3');
    sim.press_function(6);
    sim.press_enter();
    sim.press_cancel();
    sim.press_clear();
    const auto events = poll();
    ASSERT_EQ(events.size(), 5u) << "keys only: ENTER completes nothing, CANCEL cancels nothing";
    EXPECT_EQ(events[0], (PinPadEvent{PinPadEvent::Kind::keyPressed, PinKey::digit, 0, '3'}));
    EXPECT_EQ(events[1], (PinPadEvent{PinPadEvent::Kind::keyPressed, PinKey::f6, 0}));
    EXPECT_EQ(events[2], (PinPadEvent{PinPadEvent::Kind::keyPressed, PinKey::enter, 0}));
    EXPECT_EQ(events[3], (PinPadEvent{PinPadEvent::Kind::keyPressed, PinKey::cancel, 0}));
    EXPECT_EQ(sim.entry_state(), PinEntryState::idle);
    EXPECT_EQ(sim.digits_entered(), 0u);
    EXPECT_EQ(pad.status().entry, PinEntryState::idle);
}

TEST_F(EncryptingPinPadModesTest, APinEntryAfterNavigationNeverReportsADigit) {
    ASSERT_TRUE(pad.begin_pin_entry(navigation_request()).ok());
    sim.press_digit('1');  // sent in navigation, read as navigation: its value is fine
    ASSERT_TRUE(pad.begin_pin_entry(pin_request(EntryMode::pin, alice.pan)).ok());
    EXPECT_FALSE(sim.navigating());
    sim.type_pin(alice.pin);
    const auto events = poll();
    ASSERT_EQ(events.size(), 1 + alice.pin.size() + 2);
    EXPECT_EQ(events[0].digit, '1') << "the navigation digit, decoded in the mode it was sent in";
    for (std::size_t i = 1; i < events.size(); ++i) EXPECT_FALSE(events[i].digit.has_value()) << "PIN digit " << i;
    EXPECT_EQ(events.back().kind, PinPadEvent::Kind::entryComplete);
    EXPECT_TRUE(pad.get_pin_block().ok());
}

TEST_F(EncryptingPinPadModesTest, CancellingNavigationSilencesTheDigits) {
    ASSERT_TRUE(pad.begin_pin_entry(navigation_request()).ok());
    sim.press_digit('4');
    ASSERT_TRUE(pad.cancel_entry().ok());
    sim.press_digit('5');  // idle: swallowed
    const auto events = poll();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].digit, '4');
}

TEST_F(EncryptingPinPadModesTest, NavigationTakesNoLimitsAndNoPan) {
    EXPECT_TRUE(validate(navigation_request()).ok());
    EXPECT_FALSE(validate(PinEntryRequest{0, 0, alice.pan, EntryMode::navigation}).ok()) << "card data off the wire";
    EXPECT_FALSE(validate(PinEntryRequest{1, 4, "", EntryMode::navigation}).ok());
    EXPECT_EQ(to_string(EntryMode::navigation), "navigation");
}

}  // namespace
}  // namespace kiosk::drivers
