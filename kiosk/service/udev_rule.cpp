#include "kiosk/service/udev_rule.hpp"

#include <cstdio>

namespace kiosk::service {

std::string udev_rule_line(UsbId id) {
    char ids[64];
    // Matched on the whole device (usb_device), not its interfaces: libusb opens the device node.
    std::snprintf(ids, sizeof ids, "ATTR{idVendor}==\"%04x\", ATTR{idProduct}==\"%04x\"", static_cast<unsigned>(id.vendor),
                  static_cast<unsigned>(id.product));
    return std::string("SUBSYSTEM==\"usb\", ENV{DEVTYPE}==\"usb_device\", ") + ids + ", GROUP=\"" +
           std::string(kUsbGroup) + "\", MODE=\"0660\"";
}

}  // namespace kiosk::service
