// SimSensors: the kiosk's sensor board behind a LoopbackPair — safe door, tamper switch (latching),
// operator key, proximity and the headset jack — answering the framed sensor protocol
// (drivers/sensors/sensors_protocol.hpp) and reporting every change as an event.
// Threads: every public method takes the link's lock (loopback_transport.hpp); call from any thread.
// Run: build/h-drivers/bin/drivers_tests --gtest_filter='FramedSensors*'
// Used by: tests/drivers/framed_sensors_test.cpp.
#pragma once

#include "drivers/sensors/sensors.hpp"
#include "sim/devices/frame_endpoint.hpp"

namespace kiosk::sim {

class SimSensors {
public:
    SimSensors();
    SimSensors(const SimSensors&) = delete;
    SimSensors& operator=(const SimSensors&) = delete;

    drivers::Transport& host_transport() { return link_.host(); }
    LoopbackPair& link() { return link_; }

    // --- the world ---
    void set_safe_door_open(bool open);
    // Opens (true) or closes the tamper switch; the latch stays set until cleared by command.
    void set_tamper_switch(bool open);
    void set_operator_key(bool maintenance);
    void set_person_present(bool present);
    // Headphones into (true) or out of the audio jack: the kiosk starts or stops speech guidance.
    void set_headset_plugged(bool plugged);
    void set_powered(bool powered) { endpoint_.set_powered(powered); }

    [[nodiscard]] drivers::SensorReadings readings() const;  // a copy

private:
    void handle(const drivers::Frame& frame);
    void change(drivers::Sensor sensor, bool& field, bool value);

    LoopbackPair link_{"sim sensors"};
    FrameEndpoint endpoint_;
    drivers::SensorReadings readings_;
    bool tamper_switch_open_ = false;
};

}  // namespace kiosk::sim
