// The opener a ReopeningTransport uses for a USB device: UsbTransport::open, with "no such device
// on the bus" turned into the common disconnected error, so the driver's status says noDevice.
#pragma once

#include "drivers/usb/usb_transport.hpp"
#include "kiosk/hardware/reopening_transport.hpp"

namespace kiosk::hardware {

TransportOpener usb_opener(drivers::usb::UsbDeviceId id, drivers::usb::UsbEndpoints endpoints = {});

}  // namespace kiosk::hardware
