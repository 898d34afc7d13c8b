// A test bench with every simulated device and the real driver on each: card reader, PIN pad,
// printer, cash dispenser (CNY 100 ×10 and CNY 50 ×10, low at 2) and sensor board. Drivers use
// short timeouts; the sims answer inside write(), so no test waits.
#pragma once

#include "common/bytes.hpp"
#include "common/random_source.hpp"
#include "drivers/card/mechanism_card_reader.hpp"
#include "drivers/cash/framed_cash_dispenser.hpp"
#include "drivers/pinpad/encrypting_pin_pad.hpp"
#include "drivers/printer/escpos_printer.hpp"
#include "drivers/sensors/framed_sensors.hpp"
#include "sim/control/sim_device_set.hpp"

namespace kiosk::sim::test {

inline const Bytes& bench_pin_key() {
    static const Bytes key = from_hex("00112233445566778899AABBCCDDEEFF").value();
    return key;
}

struct SimBench {
    SeededRandom random{7};
    SimCardReader card_reader_sim{5};
    SimPinPad pin_pad_sim{bench_pin_key(), random};
    SimPrinter printer_sim;
    SimCashDispenser dispenser_sim{{{"CNY", 10000, 10, 2}, {"CNY", 5000, 10, 2}}};
    SimSensors sensors_sim;
    drivers::MechanismCardReader card_reader{card_reader_sim.host_transport(), Millis{20}};
    drivers::EncryptingPinPad pin_pad{pin_pad_sim.host_transport(), Millis{20}};
    drivers::EscPosPrinter printer{printer_sim.host_transport(), Millis{20}};
    drivers::FramedCashDispenser dispenser{dispenser_sim.host_transport(), Millis{20}};
    drivers::FramedSensors sensors{sensors_sim.host_transport(), Millis{20}};

    SimDeviceSet sims() { return {&card_reader_sim, &pin_pad_sim, &printer_sim, &dispenser_sim, &sensors_sim}; }
    DriverSet drivers() { return {&card_reader, &pin_pad, &printer, &dispenser, &sensors}; }
};

// A receipt of `lines` plain lines.
inline drivers::Receipt receipt_of(std::size_t lines) {
    drivers::Receipt receipt;
    for (std::size_t i = 0; i < lines; ++i) receipt.lines.push_back({"line " + std::to_string(i + 1), {}});
    return receipt;
}

}  // namespace kiosk::sim::test
