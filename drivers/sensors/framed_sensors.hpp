// FramedSensors: the Sensors driver for the framed sensor-board protocol (sensors_protocol.hpp)
// over any Transport — USB on the kiosk, a SimSensors in tests.
#pragma once

#include "drivers/frame/frame_channel.hpp"
#include "drivers/sensors/sensors.hpp"

namespace kiosk::drivers {

class FramedSensors final : public Sensors {
public:
    explicit FramedSensors(Transport& transport, Millis command_timeout = Millis{1000});

    Result<SensorReadings> read() override;
    Result<std::vector<SensorChange>> poll() override;
    Status clear_tamper() override;

private:
    FrameChannel channel_;
};

}  // namespace kiosk::drivers
