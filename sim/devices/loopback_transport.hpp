// LoopbackPair: two connected in-process Transport ends, one for the real driver (host) and one for
// a simulated device model. Bytes written at one end are readable at the other at once, and the
// device model is called back as they arrive, so a command and its reply happen inside write():
// deterministic, no sleeps. Wire faults (disconnect, mute device, corrupted or fragmented
// replies) are injected here, beneath any protocol.
// Threads: the pair owns its device's one lock (lock()); write()/read() and every wire fault
// take it, and so does every public method of the device model, so a driver on a worker thread
// and a test or the loop acting as the customer may run at once.
// Run: build/h-drivers/bin/sim_devices_tests --gtest_filter='LoopbackTransport*'
// Used by: tests/sim/loopback_transport_test.cpp and every sim device (sim_*.hpp).
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>

#include "drivers/transport.hpp"
#include "sim/devices/fault_mode.hpp"

namespace kiosk::sim {

class LoopbackPair;

class LoopbackTransport final : public drivers::Transport {
public:
    Status write(ByteView bytes, Millis timeout) override;
    // Never waits: what is queued, or a timeout error at once. A reply is made inside the
    // write() of its command, so waiting could not bring it; an event another thread causes
    // (a card inserted) is there for the next poll.
    Result<Bytes> read(std::size_t max, Millis timeout) override;

    [[nodiscard]] std::size_t pending() const;

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

    // Called after bytes from the host arrive at the device end (the device model reads them),
    // with lock() held. Set it before the pair is used (the device model's constructor).
    void on_device_receive(std::function<void()> callback) { on_device_receive_ = std::move(callback); }

    // The device's lock. Recursive, because the model answers from inside write() through this
    // same pair. Whoever holds it must not wait for another device or thread.
    [[nodiscard]] std::unique_lock<std::recursive_mutex> lock() const { return std::unique_lock(mutex_); }

    // --- wire faults ---
    // Both ends fail every write and read with "disconnected" (cable pulled, USB reset).
    void set_disconnected(bool disconnected);
    // Device unplugged as a fault: `once` fails the driver's next write (a USB reset the device
    // recovers from), `always` fails every write and read until unplug(FaultMode::off).
    void unplug(FaultMode mode);
    [[nodiscard]] FaultMode unplugged() const;
    // Bytes the device writes are lost (device hangs): the driver sees timeouts.
    void set_device_muted(bool muted);
    // The next byte the device writes has its lowest bit flipped (line noise).
    void corrupt_next_device_byte();
    // The host end hands out at most this many bytes per read (0 = no limit), exercising the
    // drivers' incremental parsers.
    void set_host_read_chunk(std::size_t bytes);

    [[nodiscard]] const std::string& name() const { return name_; }

private:
    friend class LoopbackTransport;

    std::string name_;
    mutable std::recursive_mutex mutex_;  // guards everything below and the device model
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
