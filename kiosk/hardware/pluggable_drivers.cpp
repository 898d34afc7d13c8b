// Pluggable drivers (see pluggable_drivers.hpp). Each status read first lets the link open (rate
// limited), then asks the device; if the link is closed before or after — the device is absent,
// or vanished during this very read — the link's reason is the answer.
#include "kiosk/hardware/pluggable_drivers.hpp"

namespace kiosk::hardware {

namespace {

std::string unplugged_description(const std::string& label, const Error& reason) {
    if (drivers::is_disconnected(reason)) return label + ": not connected";
    return label + ": " + reason.to_string();
}

}  // namespace

drivers::DeviceStatus unplugged_status(const std::string& label, const Error& reason) {
    if (drivers::is_disconnected(reason)) {
        return {drivers::DeviceState::noDevice,
                drivers::DeviceError{drivers::ErrorType::hardware, drivers::RecommendedAction::maintenance,
                                     unplugged_description(label, reason)}};
    }
    return {drivers::DeviceState::offline,
            drivers::DeviceError{drivers::ErrorType::hardware, drivers::RecommendedAction::reset,
                                 unplugged_description(label, reason)}};
}

drivers::CardReaderStatus PluggableCardReader::status() {
    if (Status open = link_.ensure_open(); !open) {
        return {unplugged_status(link_.label(), open.error()), drivers::CardMediaState::unknown, {}};
    }
    drivers::CardReaderStatus status = inner_.status();
    if (Status open = link_.ensure_open(); !open) status.device = unplugged_status(link_.label(), open.error());
    return status;
}

drivers::PinPadStatus PluggablePinPad::status() {
    if (Status open = link_.ensure_open(); !open) {
        return {unplugged_status(link_.label(), open.error()), drivers::PinEntryState::idle, 0};
    }
    drivers::PinPadStatus status = inner_.status();
    if (Status open = link_.ensure_open(); !open) status.device = unplugged_status(link_.label(), open.error());
    return status;
}

drivers::PrinterStatus PluggablePrinter::status() {
    if (Status open = link_.ensure_open(); !open) return {unplugged_status(link_.label(), open.error()), std::nullopt};
    drivers::PrinterStatus status = inner_.status();
    if (Status open = link_.ensure_open(); !open) status.device = unplugged_status(link_.label(), open.error());
    return status;
}

drivers::DispenserStatus PluggableCashDispenser::status() {
    drivers::DispenserStatus status;
    if (Status open = link_.ensure_open(); !open) {
        status.device = unplugged_status(link_.label(), open.error());
        status.dispenser = drivers::DispenserState::stop;
        return status;
    }
    status = inner_.status();
    if (Status open = link_.ensure_open(); !open) {
        status.device = unplugged_status(link_.label(), open.error());
        status.dispenser = drivers::DispenserState::stop;
    }
    return status;
}

Result<drivers::SensorReadings> PluggableSensors::read() {
    if (Status open = link_.ensure_open(); !open) {
        return make_error("sensors", unplugged_description(link_.label(), open.error()));
    }
    auto readings = inner_.read();
    if (!readings) {
        if (Status open = link_.ensure_open(); !open) {
            return make_error("sensors", unplugged_description(link_.label(), open.error()));
        }
    }
    return readings;
}

}  // namespace kiosk::hardware
