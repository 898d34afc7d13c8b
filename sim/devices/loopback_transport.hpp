// LoopbackPair: two connected in-process Transport ends, one for the real driver (host) and one for
// a simulated device model. Bytes written at one end are readable at the other at once, and the
// device model is called back as they arrive, so a command and its reply happen inside write():
// deterministic, no threads, no sleeps. Wire faults (disconnect, mute device, corrupted or
// fragmented replies) are injected here, beneath any protocol.
// Run: build/h-drivers/bin/sim_devices_tests --gtest_filter='LoopbackTransport*'
// Used by: tests/sim/loopback_transport_test.cpp and every sim device (sim_*.hpp).
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <string>

#include "drivers/transport.hpp"
#include "sim/devices/fault_mode.hpp"

namespace kiosk::sim {

class LoopbackPair;

class LoopbackTransport final : public drivers::Transport {
public:
    Status write(ByteView bytes, Millis timeout) override;
    // Never waits: what is queued, or a timeout error at once (the sim has no other thread that
    // could produce bytes later).
    Result<Bytes> read(std::size_t max, Millis timeout) override;

    [[nodiscard]] std::size_t pending() const { return inbox_.size(); }

private:
    friend class LoopbackPair;
    LoopbackTransport(LoopbackPair& pair, bool is_host) : pair_(pair), is_host_(is_host) {}

    LoopbackPair& pair_;
    bool is_host_;
    std::deque<std::uint8_t> inbox_;
};

class LoopbackPair {
public:
    explicit LoopbackPair(std::string name = "loopback");
    LoopbackPair(const LoopbackPair&) = delete;
    LoopbackPair& operator=(const LoopbackPair&) = delete;

    drivers::Transport& host() { return host_; }
    drivers::Transport& device() { return device_; }

    // Called after bytes from the host arrive at the device end (the device model reads them).
    void on_device_receive(std::function<void()> callback) { on_device_receive_ = std::move(callback); }

    // --- wire faults ---
    // Both ends fail every write and read with "disconnected" (cable pulled, USB reset).
    void set_disconnected(bool disconnected) { disconnected_ = disconnected; }
    // Device unplugged as a fault: `once` fails the driver's next write (a USB reset the device
    // recovers from), `always` fails every write and read until unplug(FaultMode::off).
    void unplug(FaultMode mode) { unplugged_.set(mode); }
    [[nodiscard]] FaultMode unplugged() const { return unplugged_.mode(); }
    // Bytes the device writes are lost (device hangs): the driver sees timeouts.
    void set_device_muted(bool muted) { device_muted_ = muted; }
    // The next byte the device writes has its lowest bit flipped (line noise).
    void corrupt_next_device_byte() { corrupt_next_ = true; }
    // The host end hands out at most this many bytes per read (0 = no limit), exercising the
    // drivers' incremental parsers.
    void set_host_read_chunk(std::size_t bytes) { host_read_chunk_ = bytes; }

    [[nodiscard]] const std::string& name() const { return name_; }

private:
    friend class LoopbackTransport;

    std::string name_;
    LoopbackTransport host_{*this, true};
    LoopbackTransport device_{*this, false};
    std::function<void()> on_device_receive_;
    bool disconnected_ = false;
    Fault unplugged_;
    bool device_muted_ = false;
    bool corrupt_next_ = false;
    std::size_t host_read_chunk_ = 0;
    bool delivering_ = false;  // a device reply written from inside the callback must not re-enter
};

}  // namespace kiosk::sim
