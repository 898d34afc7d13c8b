// CashDispenser: the kiosk's view of the note dispenser (after XFS4IoT CashDispenser). A withdrawal
// is dispense(plan) → present() → the customer takes the notes (itemsTaken event), or, when they do
// not, retract(). The plan comes from NoteMixer over the cassettes that status() reports.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "drivers/cash/cassette.hpp"
#include "drivers/cash/note_mixer.hpp"
#include "drivers/device_status.hpp"

namespace kiosk::drivers {

enum class DispenserState : std::uint8_t { ok, attention, stop };
enum class ShutterState : std::uint8_t { closed, open, jammed };

struct DispenserStatus {
    DeviceStatus device;
    DispenserState dispenser = DispenserState::stop;
    ShutterState shutter = ShutterState::closed;
    std::vector<CassetteInfo> cassettes;  // index = cassette number on the wire
    std::uint16_t notes_in_stacker = 0;   // picked, not yet presented
    std::uint16_t notes_in_output = 0;    // presented, not yet taken
    std::uint16_t reject_count = 0;       // notes in the reject / retract bin
};

// What a dispense actually stacked; `complete` is false for an incomplete dispense, with
// `failure` saying why (XFS IncompleteDispense) — the stacked notes must then be presented or
// retracted, and the counts reconciled.
struct DispenseReport {
    bool complete = true;
    std::string failure;
    std::vector<std::uint32_t> dispensed;  // per cassette
    std::uint32_t rejected = 0;            // picked but diverted to the reject bin (double, torn)
};

enum class CashDispenserEvent : std::uint8_t {
    itemsTaken,           // the customer took the presented notes; the shutter closed
    cashUnitThreshold,    // a cassette fell to its low threshold or ran empty
};

struct RetractReport {
    std::uint16_t retracted = 0;
    std::uint16_t reject_count = 0;
};

std::string_view to_string(DispenserState state);
std::string_view to_string(ShutterState state);
std::string_view to_string(CashDispenserEvent event);

class CashDispenser {
public:
    virtual ~CashDispenser() = default;

    // Picks the notes of `plan` into the stacker. Errors for requests the dispenser refuses outright
    // (bad plan, items left, link failure); a dispense that stopped part-way is a report.
    virtual Result<DispenseReport> dispense(const NotePlan& plan) = 0;

    // Opens the shutter and presents the stacked notes; returns how many.
    virtual Result<std::uint16_t> present() = 0;

    // Pulls presented (or stacked) notes back into the reject bin.
    virtual Result<RetractReport> retract() = 0;

    // Clears a fault; notes left in the transport go to the reject bin.
    virtual Status reset() = 0;

    // After a replenishment: cassette i now holds counts[i] notes (after XFS4IoT
    // Storage.SetStorage, CashManagement's "set cash unit counts"), one count per cassette that
    // status() reports. Answers the counts the dispenser now holds (equal to `counts`). An Error
    // when it refuses — notes still in its transport, a cassette not fitted, not online, a wrong
    // number of counts — and then it keeps its old counts.
    virtual Result<std::vector<std::uint32_t>> set_counts(const std::vector<std::uint32_t>& counts) = 0;

    virtual Result<std::vector<CashDispenserEvent>> poll() = 0;

    // Always answers: a dispenser that does not reply is reported offline.
    virtual DispenserStatus status() = 0;
};

}  // namespace kiosk::drivers
