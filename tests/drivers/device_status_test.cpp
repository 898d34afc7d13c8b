// Tests for drivers/device_status.hpp: names, wire decoding and the technician's description.
#include "drivers/device_status.hpp"
#include "drivers/transport.hpp"

#include <gtest/gtest.h>

namespace kiosk::drivers {
namespace {

TEST(DeviceStatus, EveryStateHasItsXfsName) {
    EXPECT_EQ(to_string(DeviceState::online), "online");
    EXPECT_EQ(to_string(DeviceState::powerOff), "powerOff");
    EXPECT_EQ(to_string(DeviceState::hardwareError), "hardwareError");
    EXPECT_EQ(to_string(DeviceState::potentialFraud), "potentialFraud");
    EXPECT_EQ(to_string(DeviceState::starting), "starting");
    EXPECT_EQ(to_string(ErrorType::fraudAttempt), "fraudAttempt");
    EXPECT_EQ(to_string(RecommendedAction::maintenance), "maintenance");
}

TEST(DeviceStatus, StateBytesRoundTripAndOutOfRangeIsRejected) {
    for (std::uint8_t b = 0; b <= static_cast<std::uint8_t>(DeviceState::starting); ++b) {
        auto state = device_state_from_byte(b);
        ASSERT_TRUE(state.has_value());
        EXPECT_EQ(static_cast<std::uint8_t>(*state), b);
    }
    EXPECT_FALSE(device_state_from_byte(10).has_value());
    EXPECT_FALSE(device_state_from_byte(0xFF).has_value());
}

TEST(DeviceStatus, DescribeNamesStateTypeActionAndCause) {
    DeviceStatus status{DeviceState::hardwareError,
                        DeviceError{ErrorType::hardware, RecommendedAction::reset, "card jammed"}};
    EXPECT_EQ(describe(status), "hardwareError: hardware error, action reset: card jammed");
    EXPECT_FALSE(status.usable());
    EXPECT_EQ(describe(DeviceStatus{DeviceState::online, std::nullopt}), "online");
}

TEST(DeviceStatus, SilentDeviceIsOfflineAndRecommendsReset) {
    auto status = unreachable_status(make_error("printer", "no reply"));
    EXPECT_EQ(status.state, DeviceState::offline);
    ASSERT_TRUE(status.error.has_value());
    EXPECT_EQ(status.error->action, RecommendedAction::reset);
    EXPECT_EQ(status.error->description, "no reply");
}

TEST(DeviceStatus, VanishedDeviceIsNoDeviceAndRecommendsMaintenance) {
    auto status = unreachable_status(disconnected_error("usb bulk OUT", -4));
    EXPECT_EQ(status.state, DeviceState::noDevice);
    ASSERT_TRUE(status.error.has_value());
    EXPECT_EQ(status.error->action, RecommendedAction::maintenance);
    EXPECT_EQ(status.error->description, "usb bulk OUT: disconnected");
}

}  // namespace
}  // namespace kiosk::drivers
