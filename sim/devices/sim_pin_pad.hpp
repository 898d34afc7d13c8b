// SimPinPad: an encrypting PIN pad behind a LoopbackPair. It parses the PIN-pad frames
// (drivers/pinpad/pin_pad_protocol.hpp), keeps typed digits inside itself, reports only masked key
// events, and forms the ISO 9564 format-4 PIN block through security::encipher_format4 with the
// PIN key it was built with and a random pad from the injected RandomSource. In the PIN modes
// digits never go on the wire; a new PIN is kept inside the pad and compared there with its
// confirmation. Only the clear data mode and navigation (no entry: keys choose buttons) put the
// digit pressed in their key events, by design.
// Tests press keys through the dev API below; type_pin serves every mode.
// Threads: every public method takes the link's lock (loopback_transport.hpp); call from any
// thread. The RandomSource is used under that lock: give the pad one no other thread uses.
// Run: build/h-drivers/bin/drivers_tests --gtest_filter='EncryptingPinPad*'
//      build/h-drivers/bin/sim_devices_tests --gtest_filter='SimPinPad*'
// Used by: tests/drivers/encrypting_pin_pad_test.cpp, tests/drivers/encrypting_pin_pad_modes_test.cpp,
//          tests/sim/devices/sim_pin_pad_test.cpp.
#pragma once

#include <string_view>

#include "common/random_source.hpp"
#include "drivers/pinpad/pin_pad.hpp"
#include "security/secure_bytes.hpp"
#include "sim/devices/fault_mode.hpp"
#include "sim/devices/frame_endpoint.hpp"

namespace kiosk::sim {

class SimPinPad {
public:
    // `pin_key`: the AES PIN key (16, 24 or 32 bytes) the bank shares with this pad.
    SimPinPad(ByteView pin_key, RandomSource& random);
    SimPinPad(const SimPinPad&) = delete;
    SimPinPad& operator=(const SimPinPad&) = delete;

    drivers::Transport& host_transport() { return link_.host(); }
    LoopbackPair& link() { return link_; }

    // --- the customer (dev/test API) ---
    // `digit` must be '0'–'9' (std::invalid_argument otherwise: a test's programming error).
    void press_digit(char digit);
    void press_enter();
    void press_clear();
    void press_backspace();
    void press_cancel();
    void press_function(int number);  // F1–F8
    // The audio strip's keys (repeat, volume up, volume down): reported whether or not an entry runs.
    void press_audio(drivers::PinKey key);
    // Each digit of `pin`, then ENTER (any entry mode: a PIN, a new PIN, data).
    void type_pin(std::string_view pin);

    // --- faults ---
    // GET PIN BLOCK fails with a crypto error (key lost, tamper response).
    void fail_crypto(FaultMode mode);
    void set_powered(bool powered) { endpoint_.set_powered(powered); }

    // --- what a test can see (never the digits) ---
    [[nodiscard]] drivers::PinEntryState entry_state() const;
    [[nodiscard]] std::size_t digits_entered() const;
    // A completed new_pin entry waits inside the pad for its confirmation.
    [[nodiscard]] bool holds_new_pin() const;
    // The kiosk asked for navigation (no entry; every key reported, digits with their value).
    [[nodiscard]] bool navigating() const;
    [[nodiscard]] std::size_t malformed_frames() const { return endpoint_.malformed_frames(); }

private:
    void handle(const drivers::Frame& frame);
    void on_begin_entry(const drivers::Frame& frame);
    void on_get_pin_block(std::uint8_t command);
    [[nodiscard]] drivers::ReplyCode check_begin(const Bytes& data) const;
    void on_enter_accepted();
    void key_event(drivers::PinKey key, char digit = '\0');
    void forget_pin();
    void forget_all();

    LoopbackPair link_{"sim pin pad"};
    FrameEndpoint endpoint_;
    security::SecureBytes pin_key_;
    RandomSource& random_;
    security::SecureString digits_{19};  // the PIN or data being typed; wiped when done
    std::size_t digit_count_ = 0;
    security::SecureString pan_;
    security::SecureString kept_pin_;  // a completed new_pin entry, until its confirmation
    security::SecureString kept_pan_;  // the card it belongs to: a confirmation for another is refused
    drivers::EntryMode mode_ = drivers::EntryMode::pin;
    std::uint8_t min_length_ = 4;
    std::uint8_t max_length_ = 12;
    drivers::PinEntryState entry_ = drivers::PinEntryState::idle;
    Fault fail_crypto_;
};

}  // namespace kiosk::sim
