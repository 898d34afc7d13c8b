// FrameEndpoint: the device side of the framed command set (drivers/frame/frame.hpp), shared by
// SimCardReader and SimPinPad. It parses what the driver wrote, hands each good command frame to
// the device model, and sends replies and events back. Malformed frames are counted and dropped,
// as a real mechanism does (the driver then times out).
// Threads: guarded by its LoopbackPair's lock, as the model it serves (loopback_transport.hpp).
// Run: build/h-drivers/bin/sim_devices_tests; used through sim_card_reader.hpp and sim_pin_pad.hpp.
#pragma once

#include <functional>

#include "drivers/frame/frame_parser.hpp"
#include "drivers/frame/reply_code.hpp"
#include "sim/devices/loopback_transport.hpp"

namespace kiosk::sim {

class FrameEndpoint {
public:
    using Handler = std::function<void(const drivers::Frame&)>;

    FrameEndpoint(LoopbackPair& link, Handler handler);

    void reply(std::uint8_t command, drivers::ReplyCode code, ByteView body = {});
    void event(std::uint8_t code, ByteView data = {});

    // A powered-off device reads and drops everything and answers nothing.
    void set_powered(bool powered) {
        const auto guard = link_.lock();
        powered_ = powered;
    }
    [[nodiscard]] bool powered() const {
        const auto guard = link_.lock();
        return powered_;
    }

    [[nodiscard]] std::size_t malformed_frames() const {
        const auto guard = link_.lock();
        return malformed_;
    }

private:
    void pump();
    void send(std::uint8_t code, ByteView data);

    LoopbackPair& link_;
    Handler handler_;
    drivers::FrameParser parser_;
    std::size_t malformed_ = 0;
    bool powered_ = true;
};

}  // namespace kiosk::sim
