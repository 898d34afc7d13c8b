// FramedSensors: sensor-board frames to SensorReadings and SensorChange events.
#include "drivers/sensors/framed_sensors.hpp"

#include <string>

#include "drivers/sensors/sensors_protocol.hpp"

namespace kiosk::drivers {
namespace {

constexpr const char* device_name = "sensors";

}  // namespace

FramedSensors::FramedSensors(Transport& transport, Millis command_timeout)
    : channel_(transport, device_name, command_timeout) {}

Result<SensorReadings> FramedSensors::read() {
    auto reply = channel_.exchange(sensors_protocol::cmd_read);
    if (!reply) return reply.error();
    if (reply->code != ReplyCode::ok) return reply_error(device_name, "read", reply->code);
    const Bytes& b = reply->body;
    if (b.size() != 4 && b.size() != 5) {
        return make_error(device_name, "read reply has " + std::to_string(b.size()) +
                                           " bytes, expected 4 (no headset jack) or 5");
    }
    for (auto v : b) {
        if (v > 1) return make_error(device_name, "read reply holds a value other than 0/1");
    }
    return SensorReadings{b[0] == 1, b[1] == 1, b[2] == 1, b[3] == 1, b.size() == 5 && b[4] == 1};
}

Result<std::vector<SensorChange>> FramedSensors::poll() {
    auto frames = channel_.poll_events();
    if (!frames) return frames.error();
    std::vector<SensorChange> changes;
    for (const auto& f : *frames) {
        if (f.command != sensors_protocol::evt_changed) continue;
        if (f.data.size() != 2 || f.data[0] < 1 || f.data[0] > static_cast<std::uint8_t>(Sensor::headset) || f.data[1] > 1) {
            return make_error(device_name, "malformed sensor change event");
        }
        changes.push_back({static_cast<Sensor>(f.data[0]), f.data[1] == 1});
    }
    return changes;
}

Status FramedSensors::clear_tamper() {
    auto reply = channel_.exchange(sensors_protocol::cmd_clear_tamper);
    if (!reply) return reply.error();
    if (reply->code != ReplyCode::ok) return reply_error(device_name, "clear tamper", reply->code);
    return ok_status();
}

}  // namespace kiosk::drivers
