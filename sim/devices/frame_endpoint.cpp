// FrameEndpoint (see frame_endpoint.hpp).
#include "sim/devices/frame_endpoint.hpp"

namespace kiosk::sim {

FrameEndpoint::FrameEndpoint(LoopbackPair& link, Handler handler)
    : link_(link), handler_(std::move(handler)) {
    link_.on_device_receive([this] { pump(); });
}

// Runs inside the driver's write(), with the pair's lock held.
void FrameEndpoint::pump() {
    while (true) {
        auto bytes = link_.device().read(4096, Millis{0});
        if (!bytes) break;
        if (powered_) parser_.feed(*bytes);
    }
    while (auto frame = parser_.next()) {
        if (!*frame) {
            ++malformed_;
            continue;
        }
        handler_(frame->value());
    }
}

void FrameEndpoint::send(std::uint8_t code, ByteView data) {
    const auto guard = link_.lock();  // events are also sent from customer actions
    if (!powered_) return;
    auto bytes = drivers::encode_frame(code, data);
    if (bytes) (void)link_.device().write(*bytes, Millis{0});
}

void FrameEndpoint::reply(std::uint8_t command, drivers::ReplyCode code, ByteView body) {
    Bytes data{static_cast<std::uint8_t>(code)};
    data.insert(data.end(), body.begin(), body.end());
    send(drivers::reply_code_for(command), data);
}

void FrameEndpoint::event(std::uint8_t code, ByteView data) { send(code, data); }

}  // namespace kiosk::sim
