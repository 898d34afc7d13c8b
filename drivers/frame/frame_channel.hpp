// Command/reply exchange and event polling over a Transport, for devices that speak the framed
// command set (frame.hpp). Unsolicited event frames seen while waiting for a reply are kept for the
// next poll, so nothing the device reports is lost. Every call is bounded: each read has the
// command timeout and an exchange gives up after a fixed number of bytes without its reply.
#pragma once

#include <string>
#include <vector>

#include "drivers/frame/frame_parser.hpp"
#include "drivers/frame/reply_code.hpp"
#include "drivers/transport.hpp"

namespace kiosk::drivers {

struct Reply {
    ReplyCode code = ReplyCode::ok;
    Bytes body;  // the reply data after the code byte
};

class FrameChannel {
public:
    // `device` names the device in error messages ("card reader", "pin pad").
    FrameChannel(Transport& transport, std::string device, Millis command_timeout);

    // Sends `command` and waits for its reply. Errors only for link problems: no reply in time,
    // a malformed frame, a reply without a code. A device-side failure is a Reply with its code.
    Result<Reply> exchange(std::uint8_t command, ByteView data = {});

    // Reads whatever the device has already sent (zero timeout) and returns every event frame
    // received since the last call, including those that arrived during exchanges.
    Result<std::vector<Frame>> poll_events();

    [[nodiscard]] const std::string& device() const { return device_; }
    [[nodiscard]] Millis command_timeout() const { return command_timeout_; }

private:
    Error link_error(const std::string& what) const;

    Transport& transport_;
    std::string device_;
    Millis command_timeout_;
    FrameParser parser_;
    std::vector<Frame> events_;
};

}  // namespace kiosk::drivers
