// FitnessMonitor: reads every device's status in rounds (every fitness_interval, and at once on
// each return to Attract), assesses what the kiosk can offer (service_fitness.hpp) and routes the
// flow: Attract ⇄ OutOfService with the reason on screen and in the journal, a session ended at
// once on tamper, receipts and withdrawals left out while their device is down. Each status read
// is a command on its device's worker: a device that does not answer by its deadline is reported
// in error ("no answer"), and the round is assessed without waiting for it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "common/async/request_worker.hpp"
#include "drivers/card/card_reader.hpp"
#include "drivers/cash/cash_dispenser.hpp"
#include "drivers/pinpad/pin_pad.hpp"
#include "drivers/printer/receipt_printer.hpp"
#include "drivers/sensors/sensors.hpp"
#include "kiosk/flow/flow_types.hpp"
#include "kiosk/runtime/runtime_ports.hpp"
#include "kiosk/runtime/service_fitness.hpp"

namespace kiosk {

struct DeviceWorkers {
    RequestWorker<drivers::CardReader>& card_reader;
    RequestWorker<drivers::PinPad>& pin_pad;
    RequestWorker<drivers::ReceiptPrinter>& printer;
    RequestWorker<drivers::CashDispenser>* dispenser = nullptr;  // none fitted
    RequestWorker<drivers::Sensors>* sensors = nullptr;          // none fitted
};

class FitnessMonitor {
public:
    struct Hooks {
        std::function<flow::StateId()> state;              // the flow's state now
        std::function<bool()> host_reachable;
        std::function<void(bool open)> set_card_slot;      // in Attract, when cards come or go
        std::function<void()> refresh_screen;              // what Attract offers changed
        std::function<void(const drivers::DispenserStatus&)> dispenser_read;  // the cassettes, for the cash service
        // Why the database cannot take business steps now (store::StorageGuard); unset: never.
        std::function<std::optional<std::string>()> storage_problem;
        // After every round is assessed (and routed): the health alerts and the fleet status look.
        std::function<void()> assessed;
    };
    static constexpr Millis interval{2'000};

    FitnessMonitor(RuntimePorts ports, DeviceWorkers workers, std::string terminal_id, Hooks hooks,
                   DeviceTimeouts timeouts = {});

    // Every turn: starts a round when one is due.
    void on_turn(TimePoint now);
    // Back in Attract: read every device again at the next turn.
    void read_all_soon() { next_round_.reset(); }

    [[nodiscard]] const ServiceFitness& fitness() const { return fitness_; }
    // Rounds that read every device: started, and the number of the last one assessed (rounds run
    // one at a time, so assessed > a count taken earlier means a round started after it is in).
    [[nodiscard]] std::uint64_t full_rounds_started() const { return full_rounds_started_; }
    [[nodiscard]] std::uint64_t full_rounds_assessed() const { return full_rounds_assessed_; }
    [[nodiscard]] const std::optional<DeviceHealth>& health() const { return health_; }

private:
    void start_round(bool full);
    void answered();
    void assess_round();
    void route(const ServiceFitness& previous);
    template <class Status, class Device>
    void read(RequestWorker<Device>& worker, std::function<Status(Device&)> read, std::function<void(Status)> keep,
              std::function<Status(const std::string& why)> silent);

    RuntimePorts ports_;
    DeviceWorkers workers_;
    std::string terminal_id_;
    Hooks hooks_;
    DeviceTimeouts timeouts_;
    std::optional<TimePoint> next_round_;  // nullopt: at the next turn
    int awaiting_ = 0;                     // status reads of the running round not yet answered
    DeviceHealth reading_;                 // the round being gathered
    std::optional<DeviceHealth> health_;   // the last complete reading
    ServiceFitness fitness_;
    bool breach_ended_session_ = false;    // a tamper ends a session once
    bool reading_full_ = false;            // the round being gathered reads every device
    std::uint64_t full_rounds_started_ = 0;
    std::uint64_t full_rounds_assessed_ = 0;
};

}  // namespace kiosk
