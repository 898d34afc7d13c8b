// Tests for drivers/sensors/framed_sensors.hpp against SimSensors: readings, change events, the
// tamper latch, and what the readings mean for the terminal's status.
#include "drivers/sensors/framed_sensors.hpp"

#include <gtest/gtest.h>

#include "drivers/frame/reply_code.hpp"
#include "sim/devices/sim_sensors.hpp"

namespace kiosk::drivers {
namespace {

class FramedSensorsTest : public ::testing::Test {
protected:
    sim::SimSensors sim;
    FramedSensors sensors{sim.host_transport(), Millis{50}};
};

TEST_F(FramedSensorsTest, ReadsAllClearAtStart) {
    auto readings = sensors.read();
    ASSERT_TRUE(readings.ok());
    EXPECT_EQ(*readings, SensorReadings{});
    EXPECT_EQ(sensors_device_status(*readings).state, DeviceState::online);
}

TEST_F(FramedSensorsTest, EveryChangeIsAnEventInOrder) {
    sim.set_person_present(true);
    sim.set_operator_key(true);
    sim.set_safe_door_open(true);
    sim.set_safe_door_open(true);  // no change, no event
    auto changes = sensors.poll();
    ASSERT_TRUE(changes.ok());
    EXPECT_EQ(*changes, (std::vector<SensorChange>{{Sensor::proximity, true},
                                                   {Sensor::operatorKey, true},
                                                   {Sensor::safeDoor, true}}));
    EXPECT_EQ(sensors_device_status(*sensors.read()).state, DeviceState::online);
}

TEST_F(FramedSensorsTest, TheHeadsetJackIsReadAndReportedAsItChanges) {
    sim.set_headset_plugged(true);
    EXPECT_TRUE(sensors.read()->headset_plugged);
    sim.set_headset_plugged(false);
    EXPECT_FALSE(sensors.read()->headset_plugged);
    auto changes = sensors.poll();
    ASSERT_TRUE(changes.ok());
    EXPECT_EQ(*changes, (std::vector<SensorChange>{{Sensor::headset, true}, {Sensor::headset, false}}));
    EXPECT_EQ(to_string(Sensor::headset), "headset");
    EXPECT_EQ(sensors_device_status(*sensors.read()).state, DeviceState::online);  // a headset is no fault
}

TEST_F(FramedSensorsTest, DoorOpenWithoutTheKeyIsPotentialFraud) {
    sim.set_safe_door_open(true);
    auto status = sensors_device_status(*sensors.read());
    EXPECT_EQ(status.state, DeviceState::potentialFraud);
    ASSERT_TRUE(status.error.has_value());
    EXPECT_EQ(status.error->action, RecommendedAction::suspend);
}

TEST_F(FramedSensorsTest, TamperLatchesUntilClearedAfterTheSwitchCloses) {
    sim.set_tamper_switch(true);
    EXPECT_EQ(sensors_device_status(*sensors.read()).state, DeviceState::fraudAttempt);
    auto refused = sensors.clear_tamper();
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(reply_code_of(refused.error()), ReplyCode::sequenceError);

    sim.set_tamper_switch(false);
    EXPECT_TRUE(sensors.read()->tampered);  // still latched
    ASSERT_TRUE(sensors.clear_tamper().ok());
    EXPECT_FALSE(sensors.read()->tampered);
    auto changes = sensors.poll();
    ASSERT_TRUE(changes.ok());
    EXPECT_EQ(*changes, (std::vector<SensorChange>{{Sensor::tamper, true}, {Sensor::tamper, false}}));
}

TEST_F(FramedSensorsTest, SilentBoardTimesOut) {
    sim.set_powered(false);
    auto readings = sensors.read();
    ASSERT_FALSE(readings.ok());
    EXPECT_NE(readings.error().message.find("no reply"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::drivers
