// The simulated devices of one rig and the drivers that talk to them, as SimControl and the trace
// replayer see them. Any pointer may be null: a test rig may leave a device out.
#pragma once

#include "drivers/card/card_reader.hpp"
#include "drivers/cash/cash_dispenser.hpp"
#include "drivers/pinpad/pin_pad.hpp"
#include "drivers/printer/receipt_printer.hpp"
#include "drivers/sensors/sensors.hpp"
#include "sim/devices/sim_card_reader.hpp"
#include "sim/devices/sim_cash_dispenser.hpp"
#include "sim/devices/sim_pin_pad.hpp"
#include "sim/devices/sim_printer.hpp"
#include "sim/devices/sim_sensors.hpp"

namespace kiosk::sim {

struct SimDeviceSet {
    SimCardReader* card_reader = nullptr;
    SimPinPad* pin_pad = nullptr;
    SimPrinter* printer = nullptr;
    SimCashDispenser* dispenser = nullptr;
    SimSensors* sensors = nullptr;
};

// The drivers whose status() answers `status`; the same objects the kiosk runtime uses.
struct DriverSet {
    drivers::CardReader* card_reader = nullptr;
    drivers::PinPad* pin_pad = nullptr;
    drivers::ReceiptPrinter* printer = nullptr;
    drivers::CashDispenser* dispenser = nullptr;
    drivers::Sensors* sensors = nullptr;
};

}  // namespace kiosk::sim
