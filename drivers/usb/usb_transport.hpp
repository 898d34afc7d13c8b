// UsbTransport: a Transport over a USB bulk IN/OUT endpoint pair, through libusb. Opens the first
// device matching a vendor/product id, claims the interface (detaching a kernel driver if one is
// bound) and releases everything in its destructor. Every transfer has a timeout.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "drivers/transport.hpp"
#include "drivers/usb/usb_handles.hpp"

namespace kiosk::drivers::usb {

struct UsbDeviceId {
    std::uint16_t vendor_id = 0;
    std::uint16_t product_id = 0;

    friend bool operator==(const UsbDeviceId&, const UsbDeviceId&) = default;
};

struct UsbEndpoints {
    int interface_number = 0;
    std::uint8_t bulk_out = 0x01;
    std::uint8_t bulk_in = 0x81;
};

struct UsbDeviceInfo {
    UsbDeviceId id;
    std::uint8_t bus = 0;
    std::uint8_t address = 0;
};

// "0483:5740"
std::string to_string(UsbDeviceId id);

// Devices present now, optionally only those with `id`.
Result<std::vector<UsbDeviceInfo>> list_usb_devices(const UsbDeviceId* only = nullptr);

class UsbTransport final : public Transport {
public:
    static Result<std::unique_ptr<UsbTransport>> open(UsbDeviceId id, UsbEndpoints endpoints = {});

    UsbTransport(const UsbTransport&) = delete;
    UsbTransport& operator=(const UsbTransport&) = delete;
    ~UsbTransport() override;

    Status write(ByteView bytes, Millis timeout) override;
    Result<Bytes> read(std::size_t max, Millis timeout) override;

private:
    UsbTransport(UniqueContext context, UniqueDeviceHandle handle, UsbEndpoints endpoints,
                 std::size_t in_packet_size);

    UniqueContext context_;        // destroyed last (members are destroyed in reverse order)
    UniqueDeviceHandle handle_;
    UsbEndpoints endpoints_;
    std::size_t in_packet_size_;
    Bytes pending_;  // bytes of an IN transfer beyond what the caller asked for
};

// libusb treats a zero timeout as "wait forever"; a Transport's zero timeout means "poll".
unsigned int libusb_timeout(Millis timeout);

}  // namespace kiosk::drivers::usb
