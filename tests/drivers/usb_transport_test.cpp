// Tests for drivers/usb/: what can be checked without hardware — error mapping, timeouts, ids,
// and that opening an absent device fails with a message instead of crashing or throwing.
#include "drivers/usb/usb_transport.hpp"

#include <gtest/gtest.h>

#include <libusb.h>

#include "drivers/usb/usb_error.hpp"

namespace kiosk::drivers::usb {
namespace {

TEST(UsbError, TimeoutIsTheTransportTimeout) {
    auto error = usb_error(LIBUSB_ERROR_TIMEOUT, "bulk IN");
    EXPECT_TRUE(is_timeout(error));
    EXPECT_EQ(error.domain, "usb");
    EXPECT_EQ(error.native_code, LIBUSB_ERROR_TIMEOUT);
}

TEST(UsbError, OtherErrorsKeepLibusbNameAndCode) {
    auto error = usb_error(LIBUSB_ERROR_PIPE, "bulk OUT");
    EXPECT_FALSE(is_timeout(error));
    EXPECT_FALSE(is_disconnected(error));
    EXPECT_EQ(error.native_code, LIBUSB_ERROR_PIPE);
    EXPECT_NE(error.message.find("bulk OUT: LIBUSB_ERROR_PIPE"), std::string::npos) << error.message;
}

// An unplugged printer: the driver's status becomes noDevice (drivers/device_status.hpp).
TEST(UsbError, VanishedDeviceIsADisconnectError) {
    auto error = usb_error(LIBUSB_ERROR_NO_DEVICE, "bulk OUT");
    EXPECT_TRUE(is_disconnected(error));
    EXPECT_EQ(error.native_code, LIBUSB_ERROR_NO_DEVICE);
    EXPECT_EQ(error.domain, "usb bulk OUT");
    EXPECT_EQ(unreachable_status(error).state, DeviceState::noDevice);
}

TEST(UsbError, ErrorsMapToDeviceStates) {
    EXPECT_EQ(device_state_for(LIBUSB_SUCCESS), DeviceState::online);
    EXPECT_EQ(device_state_for(LIBUSB_ERROR_NO_DEVICE), DeviceState::noDevice);
    EXPECT_EQ(device_state_for(LIBUSB_ERROR_ACCESS), DeviceState::offline);
    EXPECT_EQ(device_state_for(LIBUSB_ERROR_TIMEOUT), DeviceState::offline);
    EXPECT_EQ(device_state_for(LIBUSB_ERROR_PIPE), DeviceState::hardwareError);
    EXPECT_EQ(device_state_for(LIBUSB_ERROR_IO), DeviceState::hardwareError);
}

TEST(UsbTransport, ZeroTimeoutPollsInsteadOfWaitingForever) {
    EXPECT_EQ(libusb_timeout(Millis{0}), 1u);  // libusb's 0 would mean "no timeout at all"
    EXPECT_EQ(libusb_timeout(Millis{-5}), 1u);
    EXPECT_EQ(libusb_timeout(Millis{250}), 250u);
}

TEST(UsbTransport, IdsPrintAsLsusbDoes) {
    EXPECT_EQ(to_string(UsbDeviceId{0x0483, 0x5740}), "0483:5740");
    EXPECT_EQ(to_string(UsbDeviceId{0xFFFF, 0x0001}), "ffff:0001");
}

TEST(UsbTransport, OpeningAnAbsentDeviceFailsWithAMessage) {
    // No real device uses ffff:fffe; without USB access libusb_init itself may fail — either way
    // the answer is an Error, never an exception or a crash.
    auto transport = UsbTransport::open(UsbDeviceId{0xFFFF, 0xFFFE});
    ASSERT_FALSE(transport.ok());
    EXPECT_EQ(transport.error().domain, "usb");
    EXPECT_FALSE(transport.error().message.empty());
}

TEST(UsbTransport, ListingFiltersById) {
    const UsbDeviceId absent{0xFFFF, 0xFFFE};
    auto devices = list_usb_devices(&absent);
    if (devices.ok()) {
        EXPECT_TRUE(devices->empty());
    } else {
        EXPECT_EQ(devices.error().domain, "usb");
    }
}

}  // namespace
}  // namespace kiosk::drivers::usb
