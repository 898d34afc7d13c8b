// Command/reply exchange and event polling (see frame_channel.hpp).
#include "drivers/frame/frame_channel.hpp"

#include <cstdio>

namespace kiosk::drivers {
namespace {

constexpr std::size_t read_chunk = 256;
// A device that keeps talking without ever answering is broken; stop after this many bytes.
constexpr std::size_t byte_budget = 8 * (frame_max_data + frame_overhead);

std::string hex_byte(std::uint8_t value) {
    char text[5];
    std::snprintf(text, sizeof text, "0x%02X", static_cast<unsigned>(value));
    return text;
}

}  // namespace

FrameChannel::FrameChannel(Transport& transport, std::string device, Millis command_timeout)
    : transport_(transport), device_(std::move(device)), command_timeout_(command_timeout) {}

Error FrameChannel::link_error(const std::string& what) const { return make_error(device_, what); }

Result<Reply> FrameChannel::exchange(std::uint8_t command, ByteView data) {
    auto frame = encode_frame(command, data);
    if (!frame) return link_error("cannot encode command " + hex_byte(command) + ": " +
                                  frame.error().message);
    if (auto sent = transport_.write(*frame, command_timeout_); !sent) {
        return link_failure(device_, "sending command " + hex_byte(command), sent.error());
    }

    const std::uint8_t wanted = reply_code_for(command);
    std::size_t consumed = 0;
    while (true) {
        while (auto parsed = parser_.next()) {
            if (!*parsed) {
                return link_error("malformed reply to command " + hex_byte(command) + ": " +
                                  parsed->error().message);
            }
            Frame& got = parsed->value();
            if (is_event_code(got.command)) {
                events_.push_back(std::move(got));
            } else if (got.command == wanted) {
                if (got.data.empty()) {
                    return link_error("reply to command " + hex_byte(command) + " has no code");
                }
                auto code = reply_code_from_byte(got.data.front());
                if (!code) {
                    return link_error("reply to command " + hex_byte(command) +
                                      " has unknown code " + hex_byte(got.data.front()));
                }
                return Reply{*code, Bytes(got.data.begin() + 1, got.data.end())};
            }
            // Anything else is a late reply to an earlier command that timed out: skip it.
        }
        if (consumed >= byte_budget) {
            return link_error("no reply to command " + hex_byte(command) + " after " +
                              std::to_string(consumed) + " bytes");
        }
        auto bytes = transport_.read(read_chunk, command_timeout_);
        if (!bytes) {
            if (is_timeout(bytes.error())) {
                return link_error("no reply to command " + hex_byte(command) + " within " +
                                  std::to_string(command_timeout_.count()) + " ms");
            }
            return link_failure(device_, "reading reply to command " + hex_byte(command), bytes.error());
        }
        consumed += bytes->size();
        parser_.feed(*bytes);
    }
}

Result<std::vector<Frame>> FrameChannel::poll_events() {
    std::size_t consumed = 0;
    while (consumed < byte_budget) {
        auto bytes = transport_.read(read_chunk, Millis{0});
        if (!bytes) {
            if (is_timeout(bytes.error())) break;
            return link_failure(device_, "polling", bytes.error());
        }
        consumed += bytes->size();
        parser_.feed(*bytes);
    }
    while (auto parsed = parser_.next()) {
        if (!*parsed) return link_error("malformed frame while polling: " + parsed->error().message);
        if (is_event_code(parsed->value().command)) events_.push_back(std::move(parsed->value()));
    }
    std::vector<Frame> out;
    out.swap(events_);
    return out;
}

}  // namespace kiosk::drivers
