// libusb error codes in the kiosk's terms: an Error (domain "usb", libusb's code kept as
// native_code, timeouts reported the way every Transport reports them) and the device state a
// technician should see for it.
#pragma once

#include <string_view>

#include "common/result.hpp"
#include "drivers/device_status.hpp"

namespace kiosk::drivers::usb {

inline constexpr std::string_view usb_domain = "usb";

// LIBUSB_ERROR_TIMEOUT becomes timeout_error("usb") so is_timeout() holds; others read
// "<what>: <libusb name> (<libusb description>)".
Error usb_error(int libusb_code, std::string_view what);

// noDevice for a vanished device, offline for access/busy problems, hardwareError for stalls and
// I/O failures.
DeviceState device_state_for(int libusb_code);

}  // namespace kiosk::drivers::usb
