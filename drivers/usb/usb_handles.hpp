// RAII owners for libusb's C handles: one unique_ptr alias with a deleter per type, so no libusb
// object is ever freed by hand (after CM4all libcommon's Unique*.hxx).
#pragma once

#include <memory>

#include <libusb.h>

namespace kiosk::drivers::usb {

struct ContextDeleter {
    void operator()(libusb_context* context) const noexcept { libusb_exit(context); }
};
struct DeviceHandleDeleter {
    void operator()(libusb_device_handle* handle) const noexcept { libusb_close(handle); }
};
// A device list from libusb_get_device_list; unreferences its devices when freed.
struct DeviceListDeleter {
    void operator()(libusb_device** list) const noexcept { libusb_free_device_list(list, 1); }
};

using UniqueContext = std::unique_ptr<libusb_context, ContextDeleter>;
using UniqueDeviceHandle = std::unique_ptr<libusb_device_handle, DeviceHandleDeleter>;
using UniqueDeviceList = std::unique_ptr<libusb_device*, DeviceListDeleter>;

}  // namespace kiosk::drivers::usb
