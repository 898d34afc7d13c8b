// UsbTransport (see usb_transport.hpp).
#include "drivers/usb/usb_transport.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "drivers/usb/usb_error.hpp"

namespace kiosk::drivers::usb {
namespace {

Result<UniqueContext> make_context() {
    libusb_context* raw = nullptr;
    if (int rc = libusb_init(&raw); rc != LIBUSB_SUCCESS) return usb_error(rc, "libusb_init");
    return UniqueContext(raw);
}

Result<UniqueDeviceList> device_list(libusb_context* context, std::size_t& count) {
    libusb_device** raw = nullptr;
    const ssize_t n = libusb_get_device_list(context, &raw);
    if (n < 0) return usb_error(static_cast<int>(n), "listing USB devices");
    count = static_cast<std::size_t>(n);
    return UniqueDeviceList(raw);
}

}  // namespace

std::string to_string(UsbDeviceId id) {
    char text[10];
    std::snprintf(text, sizeof text, "%04x:%04x", static_cast<unsigned>(id.vendor_id),
                  static_cast<unsigned>(id.product_id));
    return text;
}

unsigned int libusb_timeout(Millis timeout) {
    if (timeout.count() <= 0) return 1;
    if (timeout.count() > std::numeric_limits<int>::max()) return std::numeric_limits<int>::max();
    return static_cast<unsigned int>(timeout.count());
}

Result<std::vector<UsbDeviceInfo>> list_usb_devices(const UsbDeviceId* only) {
    auto context = make_context();
    if (!context) return context.error();
    std::size_t count = 0;
    auto list = device_list(context->get(), count);
    if (!list) return list.error();
    std::vector<UsbDeviceInfo> found;
    for (std::size_t i = 0; i < count; ++i) {
        libusb_device* device = list->get()[i];
        libusb_device_descriptor descriptor{};
        if (libusb_get_device_descriptor(device, &descriptor) != LIBUSB_SUCCESS) continue;
        UsbDeviceInfo info{{descriptor.idVendor, descriptor.idProduct},
                           libusb_get_bus_number(device), libusb_get_device_address(device)};
        if (only == nullptr || info.id == *only) found.push_back(info);
    }
    return found;
}

Result<std::unique_ptr<UsbTransport>> UsbTransport::open(UsbDeviceId id, UsbEndpoints endpoints) {
    auto context = make_context();
    if (!context) return context.error();
    std::size_t count = 0;
    auto list = device_list(context->get(), count);
    if (!list) return list.error();

    for (std::size_t i = 0; i < count; ++i) {
        libusb_device* device = list->get()[i];
        libusb_device_descriptor descriptor{};
        if (libusb_get_device_descriptor(device, &descriptor) != LIBUSB_SUCCESS) continue;
        if (descriptor.idVendor != id.vendor_id || descriptor.idProduct != id.product_id) continue;

        libusb_device_handle* raw = nullptr;
        if (int rc = libusb_open(device, &raw); rc != LIBUSB_SUCCESS) {
            return usb_error(rc, "opening " + to_string(id));
        }
        UniqueDeviceHandle handle(raw);
        // Lets the kernel's own driver (e.g. usblp for printers) step aside while we hold it.
        (void)libusb_set_auto_detach_kernel_driver(handle.get(), 1);
        if (int rc = libusb_claim_interface(handle.get(), endpoints.interface_number);
            rc != LIBUSB_SUCCESS) {
            return usb_error(rc, "claiming interface " + std::to_string(endpoints.interface_number) +
                                     " of " + to_string(id));
        }
        const int packet = libusb_get_max_packet_size(device, endpoints.bulk_in);
        const std::size_t in_packet = packet > 0 ? static_cast<std::size_t>(packet) : 64;
        return std::unique_ptr<UsbTransport>(
            new UsbTransport(std::move(context).value(), std::move(handle), endpoints, in_packet));
    }
    return make_error(std::string(usb_domain), "no USB device " + to_string(id) + " present",
                      LIBUSB_ERROR_NO_DEVICE);
}

UsbTransport::UsbTransport(UniqueContext context, UniqueDeviceHandle handle, UsbEndpoints endpoints,
                           std::size_t in_packet_size)
    : context_(std::move(context)),
      handle_(std::move(handle)),
      endpoints_(endpoints),
      in_packet_size_(in_packet_size) {}

UsbTransport::~UsbTransport() {
    if (handle_) (void)libusb_release_interface(handle_.get(), endpoints_.interface_number);
}

Status UsbTransport::write(ByteView bytes, Millis timeout) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const std::size_t chunk = std::min<std::size_t>(bytes.size() - sent, 16384);
        int transferred = 0;
        // libusb's API takes a non-const buffer even for OUT transfers; it does not write to it.
        auto* data = const_cast<unsigned char*>(bytes.data() + sent);  // NOLINT
        const int rc = libusb_bulk_transfer(handle_.get(), endpoints_.bulk_out, data,
                                            static_cast<int>(chunk), &transferred,
                                            libusb_timeout(timeout));
        sent += static_cast<std::size_t>(std::max(transferred, 0));
        if (rc != LIBUSB_SUCCESS) {
            Error error = usb_error(rc, "bulk OUT");
            error.message += " after " + std::to_string(sent) + " of " +
                             std::to_string(bytes.size()) + " bytes";
            return error;
        }
    }
    return ok_status();
}

Result<Bytes> UsbTransport::read(std::size_t max, Millis timeout) {
    if (max == 0) return make_error(std::string(usb_domain), "read of 0 bytes");
    if (pending_.empty()) {
        // Ask for whole packets: a device may always send a full packet, and a shorter buffer
        // would overflow.
        Bytes buffer(std::max(in_packet_size_, ((max + in_packet_size_ - 1) / in_packet_size_) * in_packet_size_));
        int transferred = 0;
        const int rc = libusb_bulk_transfer(handle_.get(), endpoints_.bulk_in, buffer.data(),
                                            static_cast<int>(buffer.size()), &transferred,
                                            libusb_timeout(timeout));
        if (rc != LIBUSB_SUCCESS && transferred <= 0) return usb_error(rc, "bulk IN");
        if (transferred <= 0) return timeout_error(std::string(usb_domain));  // zero-length packet
        buffer.resize(static_cast<std::size_t>(transferred));
        pending_ = std::move(buffer);
    }
    const std::size_t count = std::min(max, pending_.size());
    Bytes out(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(count));
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(count));
    return out;
}

}  // namespace kiosk::drivers::usb
