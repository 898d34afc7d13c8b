// The udev rule line that gives one USB peripheral's device node to the kiosk service's group
// (kiosk/deploy/60-kiosk.rules ships one; `kioskctl devices --udev-rules` prints one per device of
// [devices], for a hardware partner's own rules file).
#pragma once

#include <string>
#include <string_view>

#include "kiosk/config/kiosk_config.hpp"

namespace kiosk::service {

// The group the kiosk unit names in SupplementaryGroups= (kiosk/deploy/kiosk.service).
inline constexpr std::string_view kUsbGroup = "kiosk-usb";

// SUBSYSTEM=="usb", ENV{DEVTYPE}=="usb_device", ATTR{idVendor}=="04b8", ATTR{idProduct}=="0e15",
// GROUP="kiosk-usb", MODE="0660" — the ids in lowercase hex, as udev's sysfs attributes read.
std::string udev_rule_line(UsbId id);

}  // namespace kiosk::service
