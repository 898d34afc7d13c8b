// libusb error mapping (see usb_error.hpp).
#include "drivers/usb/usb_error.hpp"

#include <string>

#include <libusb.h>

#include "drivers/transport.hpp"

namespace kiosk::drivers::usb {

Error usb_error(int code, std::string_view what) {
    if (code == LIBUSB_ERROR_TIMEOUT) {
        Error error = timeout_error(std::string(usb_domain));
        error.native_code = code;
        return error;
    }
    if (device_state_for(code) == DeviceState::noDevice && code != LIBUSB_ERROR_NOT_SUPPORTED) {
        return disconnected_error(std::string(usb_domain) + " " + std::string(what), code);
    }
    return make_error(std::string(usb_domain),
                      std::string(what) + ": " + libusb_error_name(code) + " (" +
                          libusb_strerror(code) + ")",
                      code);
}

DeviceState device_state_for(int code) {
    switch (code) {
        case LIBUSB_SUCCESS: return DeviceState::online;
        case LIBUSB_ERROR_NO_DEVICE:
        case LIBUSB_ERROR_NOT_FOUND: return DeviceState::noDevice;
        case LIBUSB_ERROR_ACCESS:
        case LIBUSB_ERROR_BUSY:
        case LIBUSB_ERROR_TIMEOUT: return DeviceState::offline;
        case LIBUSB_ERROR_NOT_SUPPORTED: return DeviceState::noDevice;
        default: return DeviceState::hardwareError;  // PIPE (stall), IO, OVERFLOW, …
    }
}

}  // namespace kiosk::drivers::usb
