// Device fitness: what the kiosk can offer, derived from its devices' status (issue 4, degraded
// modes). Pure: the runtime gathers a DeviceHealth every few seconds and routes the flow by the
// answer — out of service with a customer-readable reason, or serving without receipts or
// without withdrawals.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "drivers/card/card_reader.hpp"
#include "drivers/cash/cash_dispenser.hpp"
#include "drivers/pinpad/pin_pad.hpp"
#include "drivers/printer/receipt_printer.hpp"
#include "drivers/sensors/sensors.hpp"
#include "kiosk/flow/close_reason.hpp"

namespace kiosk {

struct DeviceHealth {
    drivers::CardReaderStatus card_reader;
    drivers::PinPadStatus pin_pad;
    drivers::PrinterStatus printer;
    std::optional<drivers::DispenserStatus> dispenser;  // none fitted: no withdrawals
    // The sensor board: nullopt when none is fitted; an Error when it does not answer.
    std::optional<Result<drivers::SensorReadings>> sensors;
    bool host_reachable = true;
    // Why the database cannot take business steps (store/storage_guard.hpp); nullopt: it can.
    std::optional<std::string> storage_problem;
};

struct ServiceFitness {
    // Set: the kiosk cannot serve anyone, and why (the OutOfService screen shows it).
    std::optional<flow::OutOfServiceReason> out_of_service;
    bool receipts = true;     // the printer can print a receipt now
    bool withdrawals = true;  // the dispenser is fitted and working (the amounts come from the cassettes)
    bool cards = true;        // the card reader can take a card (and has room to retain one)
    bool cardless = true;     // a cardless withdrawal can be served (PIN pad, dispenser, host)
    // For the journal and the technician: one line per problem found, e.g. "printer: paper out".
    std::vector<std::string> problems;

    [[nodiscard]] bool serving() const { return !out_of_service.has_value(); }
    // Tamper or an unattended open safe door: end a session in progress at once.
    [[nodiscard]] bool security_breach() const { return out_of_service == flow::OutOfServiceReason::Tamper; }
};

// The rules, most severe first:
//   tamper latched, or safe door open without the operator key → out of service (tamper);
//   sensor board silent or PIN pad not usable → out of service (devices);
//   storage full (no room to record a transaction) → out of service (storage_full);
//   host unreachable → out of service (host_unreachable);
//   printer not usable or out of paper → serve without paper receipts;
//   dispenser missing or not usable → serve without withdrawals;
//   card reader not usable or capture bin full → cardless only (cards = false), or out of
//   service (devices) when there is no cash to pay a cardless withdrawal either.
ServiceFitness assess(const DeviceHealth& health);

}  // namespace kiosk
