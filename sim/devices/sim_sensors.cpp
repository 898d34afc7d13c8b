// SimSensors: the sensor-board model (see sim_sensors.hpp).
#include "sim/devices/sim_sensors.hpp"

#include "drivers/sensors/sensors_protocol.hpp"

namespace kiosk::sim {

using drivers::ReplyCode;
using drivers::Sensor;
namespace proto = drivers::sensors_protocol;

SimSensors::SimSensors()
    : endpoint_(link_, [this](const drivers::Frame& frame) { handle(frame); }) {}

void SimSensors::change(Sensor sensor, bool& field, bool value) {
    if (field == value) return;
    field = value;
    endpoint_.event(proto::evt_changed,
                    Bytes{static_cast<std::uint8_t>(sensor), static_cast<std::uint8_t>(value ? 1 : 0)});
}

drivers::SensorReadings SimSensors::readings() const {
    const auto guard = link_.lock();
    return readings_;
}

void SimSensors::set_safe_door_open(bool open) {
    const auto guard = link_.lock();
    change(Sensor::safeDoor, readings_.safe_door_open, open);
}
void SimSensors::set_operator_key(bool maintenance) {
    const auto guard = link_.lock();
    change(Sensor::operatorKey, readings_.operator_key_maintenance, maintenance);
}
void SimSensors::set_person_present(bool present) {
    const auto guard = link_.lock();
    change(Sensor::proximity, readings_.person_present, present);
}
void SimSensors::set_headset_plugged(bool plugged) {
    const auto guard = link_.lock();
    change(Sensor::headset, readings_.headset_plugged, plugged);
}
void SimSensors::set_tamper_switch(bool open) {
    const auto guard = link_.lock();
    tamper_switch_open_ = open;
    if (open) change(Sensor::tamper, readings_.tampered, true);
}

// Runs inside the driver's write(), with the link's lock held.
void SimSensors::handle(const drivers::Frame& frame) {
    switch (frame.command) {
        case proto::cmd_read:
            endpoint_.reply(frame.command, ReplyCode::ok,
                            Bytes{static_cast<std::uint8_t>(readings_.safe_door_open ? 1 : 0),
                                  static_cast<std::uint8_t>(readings_.tampered ? 1 : 0),
                                  static_cast<std::uint8_t>(readings_.operator_key_maintenance ? 1 : 0),
                                  static_cast<std::uint8_t>(readings_.person_present ? 1 : 0),
                                  static_cast<std::uint8_t>(readings_.headset_plugged ? 1 : 0)});
            return;
        case proto::cmd_clear_tamper:
            if (tamper_switch_open_) {
                endpoint_.reply(frame.command, ReplyCode::sequenceError);
                return;
            }
            endpoint_.reply(frame.command, ReplyCode::ok);
            change(Sensor::tamper, readings_.tampered, false);
            return;
        default: endpoint_.reply(frame.command, ReplyCode::unknownCommand); return;
    }
}

}  // namespace kiosk::sim
