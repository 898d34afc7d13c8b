// Transport: moves bytes to and from one device. Real drivers speak their wire protocol over it;
// UsbTransport (libusb) reaches hardware and sim/devices' LoopbackTransport reaches a device model.
#pragma once

#include <cstddef>
#include <string>

#include "common/bytes.hpp"
#include "common/clock.hpp"
#include "common/result.hpp"

namespace kiosk::drivers {

class Transport {
public:
    virtual ~Transport() = default;

    // Sends all of `bytes` within `timeout`, or fails saying why (timeout, device gone, …).
    virtual Status write(ByteView bytes, Millis timeout) = 0;

    // Returns between 1 and `max` bytes, or an error; when nothing arrives within `timeout` the
    // error is a timeout (see is_timeout). A zero timeout polls: it returns what is already there.
    virtual Result<Bytes> read(std::size_t max, Millis timeout) = 0;
};

// Every transport reports "nothing arrived in time" the same way, so drivers can tell a quiet
// device (expected while polling) from a broken link.
inline constexpr const char* timeout_message = "timeout";

inline Error timeout_error(std::string domain) {
    return make_error(std::move(domain), timeout_message);
}

inline bool is_timeout(const Error& error) { return error.message == timeout_message; }

// Likewise "the device is gone" (unplugged, powered down, USB device vanished): the status a
// technician sees is then noDevice, not a generic offline.
inline constexpr const char* disconnected_message = "disconnected";

inline Error disconnected_error(std::string domain, int native_code = 0) {
    return make_error(std::move(domain), disconnected_message, native_code);
}

inline bool is_disconnected(const Error& error) { return error.message == disconnected_message; }

// What a driver returns when its transport failed while it was `doing` something: the cause is
// kept in words, and "device gone" stays recognisable (is_disconnected), so the status says
// noDevice however many layers the error passed through.
inline Error link_failure(std::string device, const std::string& doing, const Error& cause) {
    if (is_disconnected(cause)) return disconnected_error(std::move(device) + " (" + doing + ")", cause.native_code);
    return make_error(std::move(device), doing + " failed: " + cause.to_string(), cause.native_code);
}

}  // namespace kiosk::drivers
