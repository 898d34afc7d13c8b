// SimCardReader: a motorised card-reader mechanism behind a LoopbackPair. It parses the same
// frames a real mechanism does (drivers/card/card_mechanism_protocol.hpp) and answers them from a
// model of shutter, transport, stripe head and capture bin. Tests and the sim's control socket act
// as the customer (insert, take_card) and inject faults (jams, unreadable stripe, power loss).
// Threads: every public method takes the link's lock (loopback_transport.hpp); call from any thread.
// Run: build/h-drivers/bin/drivers_tests --gtest_filter='MechanismCardReader*'
//      build/h-drivers/bin/sim_devices_tests --gtest_filter='SimCardReader*'
// Used by: tests/drivers/mechanism_card_reader_test.cpp, tests/sim/sim_card_reader_test.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "drivers/card/card_reader.hpp"
#include "sim/devices/card_deck.hpp"
#include "sim/devices/fault_mode.hpp"
#include "sim/devices/frame_endpoint.hpp"

namespace kiosk::sim {

class SimCardReader {
public:
    explicit SimCardReader(std::uint16_t bin_capacity = 20);
    SimCardReader(const SimCardReader&) = delete;
    SimCardReader& operator=(const SimCardReader&) = delete;

    // The driver's end of the wire.
    drivers::Transport& host_transport() { return link_.host(); }
    LoopbackPair& link() { return link_; }

    // --- the customer ---
    // Pushes `card` into the slot; fails when the shutter is closed or a card is already inside.
    Status insert(const VirtualCard& card);
    // Takes the card waiting at the gate; fails when there is none.
    Status take_card();

    // --- faults ---
    void jam_on_insert(FaultMode mode);
    void jam_on_eject(FaultMode mode);
    void unreadable_stripe(FaultMode mode);
    // Power off: the mechanism answers nothing (the driver reports it offline).
    void set_powered(bool powered) { endpoint_.set_powered(powered); }
    // A technician empties the capture bin.
    void empty_bin();

    // --- what a test can see (copies: a driver may change the model meanwhile) ---
    [[nodiscard]] drivers::CardMediaState media() const;
    [[nodiscard]] bool insertion_enabled() const;
    [[nodiscard]] std::optional<std::string> card_inside() const;  // id of the card, if any
    [[nodiscard]] std::vector<std::string> retained_card_ids() const;
    [[nodiscard]] std::size_t malformed_frames() const { return endpoint_.malformed_frames(); }

private:
    void handle(const drivers::Frame& frame);
    void on_status(std::uint8_t command);
    void on_read_tracks(std::uint8_t command);
    void on_eject(std::uint8_t command);
    void on_retain(std::uint8_t command);
    void on_reset(std::uint8_t command);
    bool capture();  // card into the bin; false when the bin is full
    void fault(drivers::ReplyCode code);

    LoopbackPair link_{"sim card reader"};
    FrameEndpoint endpoint_;
    std::uint16_t bin_capacity_;
    std::vector<std::string> retained_;
    std::optional<VirtualCard> card_;
    drivers::CardMediaState media_ = drivers::CardMediaState::notPresent;
    drivers::DeviceState state_ = drivers::DeviceState::online;
    drivers::ReplyCode last_fault_ = drivers::ReplyCode::ok;
    bool shutter_open_ = false;
    Fault jam_on_insert_;
    Fault jam_on_eject_;
    Fault unreadable_stripe_;
};

}  // namespace kiosk::sim
