// Tests for drivers/chip/pcsc_error.hpp and chip_channel.hpp: every PC/SC failure the kiosk can
// meet maps to a ChipFailure and a device state a technician can act on, and the error keeps the
// SCARD code. Needs no reader and no pcscd (the integration test covers the real stack).
#include "drivers/chip/pcsc_error.hpp"

#include <gtest/gtest.h>

#include <winscard.h>

#include "drivers/chip/pcsc_chip_channel.hpp"

namespace kiosk::drivers::chip {
namespace {

struct Mapping {
    long code;
    ChipFailure failure;
    DeviceState state;
};

TEST(PcscError, MapsEachCodeToAFailureAndADeviceState) {
    const Mapping table[] = {
        {SCARD_W_REMOVED_CARD, ChipFailure::cardRemoved, DeviceState::userError},
        {SCARD_W_RESET_CARD, ChipFailure::cardRemoved, DeviceState::userError},
        {SCARD_E_TIMEOUT, ChipFailure::noCard, DeviceState::userError},
        {SCARD_E_NO_SMARTCARD, ChipFailure::noCard, DeviceState::userError},
        {SCARD_W_UNRESPONSIVE_CARD, ChipFailure::mute, DeviceState::userError},
        {SCARD_W_UNPOWERED_CARD, ChipFailure::mute, DeviceState::userError},
        {SCARD_E_PROTO_MISMATCH, ChipFailure::protocolError, DeviceState::userError},
        {SCARD_E_UNKNOWN_READER, ChipFailure::readerUnavailable, DeviceState::noDevice},
        {SCARD_E_READER_UNAVAILABLE, ChipFailure::readerUnavailable, DeviceState::noDevice},
        {SCARD_E_NO_READERS_AVAILABLE, ChipFailure::readerUnavailable, DeviceState::noDevice},
        {SCARD_E_NO_SERVICE, ChipFailure::serviceUnavailable, DeviceState::offline},
        {SCARD_E_SERVICE_STOPPED, ChipFailure::serviceUnavailable, DeviceState::offline},
        {SCARD_E_SHARING_VIOLATION, ChipFailure::sharingViolation, DeviceState::deviceBusy},
        {SCARD_F_COMM_ERROR, ChipFailure::hardware, DeviceState::hardwareError},
    };
    for (const auto& row : table) {
        const Error error = pcsc_error(row.code, "transmit");
        EXPECT_EQ(chip_failure_of(error), row.failure) << error.message;
        const DeviceStatus status = chip_device_status(row.failure, error.message);
        EXPECT_EQ(status.state, row.state) << error.message;
        ASSERT_TRUE(status.error.has_value());
        EXPECT_EQ(status.error->description, error.message);
    }
}

TEST(PcscError, MessageKeepsTheCodeNameAndValue) {
    const Error error = pcsc_error(SCARD_W_REMOVED_CARD, "transmit to the card in Reader 0");
    EXPECT_EQ(error.domain, chip_error_domain);
    EXPECT_EQ(error.message, "transmit to the card in Reader 0: SCARD_W_REMOVED_CARD (0x80100069)");
    EXPECT_EQ(to_string(ChipFailure::cardRemoved), "cardRemoved");
    EXPECT_FALSE(chip_failure_of(make_error("usb", "x", 1)).has_value());
}

TEST(PcscChipChannel, AnAbsentReaderIsAnErrorNotACrash) {
    // Without pcscd: serviceUnavailable; with some pcscd running: no reader of this name.
    auto channel = PcscChipChannel::open("no such reader 7f3a");
    ASSERT_FALSE(channel.ok());
    const auto failure = chip_failure_of(channel.error());
    ASSERT_TRUE(failure.has_value()) << channel.error().to_string();
    EXPECT_TRUE(*failure == ChipFailure::serviceUnavailable || *failure == ChipFailure::readerUnavailable)
        << channel.error().to_string();
    const DeviceState state = chip_device_status(*failure, "").state;
    EXPECT_TRUE(state == DeviceState::offline || state == DeviceState::noDevice);
}

}  // namespace
}  // namespace kiosk::drivers::chip
