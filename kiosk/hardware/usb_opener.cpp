#include "kiosk/hardware/usb_opener.hpp"

#include "drivers/usb/usb_error.hpp"

namespace kiosk::hardware {

TransportOpener usb_opener(drivers::usb::UsbDeviceId id, drivers::usb::UsbEndpoints endpoints) {
    return [id, endpoints]() -> Result<std::unique_ptr<drivers::Transport>> {
        auto opened = drivers::usb::UsbTransport::open(id, endpoints);
        if (opened) return std::unique_ptr<drivers::Transport>(std::move(*opened));
        const Error& error = opened.error();
        // UsbTransport::open says "no USB device … present" with LIBUSB_ERROR_NO_DEVICE; a
        // permission or busy error stays as it is (the device is there: offline, not noDevice).
        if (!drivers::is_disconnected(error) &&
            drivers::usb::device_state_for(error.native_code) == drivers::DeviceState::noDevice) {
            return drivers::disconnected_error("usb " + drivers::usb::to_string(id), error.native_code);
        }
        return error;
    };
}

}  // namespace kiosk::hardware
