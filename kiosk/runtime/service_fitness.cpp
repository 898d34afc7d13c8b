#include "kiosk/runtime/service_fitness.hpp"

namespace kiosk {

namespace {

using flow::OutOfServiceReason;
constexpr OutOfServiceReason kTamper = OutOfServiceReason::Tamper;
constexpr OutOfServiceReason kDevices = OutOfServiceReason::Devices;
constexpr OutOfServiceReason kHost = OutOfServiceReason::HostUnreachable;
constexpr OutOfServiceReason kStorage = OutOfServiceReason::StorageFull;

// The first reason found wins (the list in the header is in order of severity).
void out_of_service(ServiceFitness& fitness, OutOfServiceReason reason, std::string problem) {
    if (!fitness.out_of_service) fitness.out_of_service = reason;
    fitness.problems.push_back(std::move(problem));
}

void check_sensors(const DeviceHealth& health, ServiceFitness& fitness) {
    if (!health.sensors) return;
    if (!health.sensors->ok()) {
        out_of_service(fitness, kDevices, "sensors: " + health.sensors->error().message);
        return;
    }
    const drivers::SensorReadings& readings = health.sensors->value();
    if (readings.tampered) out_of_service(fitness, kTamper, "sensors: tamper switch tripped");
    if (readings.safe_door_open && !readings.operator_key_maintenance) {
        out_of_service(fitness, kTamper, "sensors: safe door open without the operator key");
    }
}

}  // namespace

ServiceFitness assess(const DeviceHealth& health) {
    ServiceFitness fitness;
    check_sensors(health, fitness);
    std::vector<std::string> card_problems;
    if (!health.card_reader.device.usable()) {
        card_problems.push_back("card reader: " + drivers::describe(health.card_reader.device));
    }
    const drivers::CaptureBin& bin = health.card_reader.bin;
    if (bin.capacity > 0 && bin.count >= bin.capacity) {
        card_problems.push_back("card reader: capture bin full (" + std::to_string(bin.count) + ")");
    }
    if (!health.pin_pad.device.usable()) {
        out_of_service(fitness, kDevices, "PIN pad: " + drivers::describe(health.pin_pad.device));
    }
    // A transaction the kiosk cannot record must not be started (docs/store.md, "Full disk").
    if (health.storage_problem) out_of_service(fitness, kStorage, *health.storage_problem);
    if (!health.host_reachable) out_of_service(fitness, kHost, "host: unreachable");

    if (!health.printer.device.usable()) {
        fitness.receipts = false;
        fitness.problems.push_back("printer: " + drivers::describe(health.printer.device));
    } else if (health.printer.paper == drivers::PaperState::out) {
        fitness.receipts = false;
        fitness.problems.push_back("printer: paper out");
    }
    if (!health.dispenser) {
        fitness.withdrawals = false;
    } else if (!health.dispenser->device.usable()) {
        fitness.withdrawals = false;
        fitness.problems.push_back("dispenser: " + drivers::describe(health.dispenser->device));
    }
    // Cardless withdrawal needs the PIN pad (to type the code), the dispenser and the host — not
    // the card reader. With the reader down it is the one service left; with no cash either, none.
    if (!card_problems.empty()) {
        fitness.cards = false;
        if (!fitness.withdrawals) {
            for (std::string& problem : card_problems) out_of_service(fitness, kDevices, std::move(problem));
        } else {
            for (std::string& problem : card_problems) fitness.problems.push_back(std::move(problem));
        }
    }
    fitness.cardless = fitness.serving() && fitness.withdrawals;
    return fitness;
}

}  // namespace kiosk
