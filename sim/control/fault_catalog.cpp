// The named faults and how each one reaches its sim device's hook (see fault_catalog.hpp).
#include "sim/control/fault_catalog.hpp"

namespace kiosk::sim {

namespace {

constexpr std::size_t default_lines_before_paper_out = 2;

std::string known_faults(std::string_view device) {
    std::string names;
    for (const FaultInfo& info : fault_catalog()) {
        if (info.device == device) names += (names.empty() ? "" : ", ") + std::string(info.name);
    }
    return names;
}

Error missing(std::string_view device) {
    return make_error("sim control", "this simulator has no " + std::string(device));
}

Status check_cassette(const SimCashDispenser& dispenser, std::uint32_t cassette) {
    if (cassette >= dispenser.cassette_count()) {
        return make_error("sim control", "cassette " + std::to_string(cassette) + " does not exist (the dispenser has " +
                                             std::to_string(dispenser.cassette_count()) + ", numbered from 0)");
    }
    return ok_status();
}

Status card_reader_fault(SimCardReader& sim, std::string_view fault, FaultMode mode) {
    if (fault == "jam-on-insert") sim.jam_on_insert(mode);
    else if (fault == "jam-on-eject") sim.jam_on_eject(mode);
    else if (fault == "stripe-unreadable") sim.unreadable_stripe(mode);
    else if (fault == "unplugged") sim.link().unplug(mode);
    else return make_error("sim control", "unknown card-reader fault '" + std::string(fault) + "'; known: " + known_faults("card-reader"));
    return ok_status();
}

Status pin_pad_fault(SimPinPad& sim, std::string_view fault, FaultMode mode) {
    if (fault == "crypto-failure") sim.fail_crypto(mode);
    else if (fault == "unplugged") sim.link().unplug(mode);
    else return make_error("sim control", "unknown pin-pad fault '" + std::string(fault) + "'; known: " + known_faults("pin-pad"));
    return ok_status();
}

Status printer_fault(SimPrinter& sim, std::string_view fault, FaultMode mode, const FaultOptions& options) {
    if (fault == "paper-near-end") {
        sim.paper_near_end(mode);
    } else if (fault == "paper-out-mid-receipt") {
        sim.paper_out_mid_receipt(mode, options.after == 0 ? default_lines_before_paper_out : options.after);
    } else if (fault == "unplugged") {
        sim.link().unplug(mode);
    } else {
        return make_error("sim control", "unknown printer fault '" + std::string(fault) + "'; known: " + known_faults("printer"));
    }
    return ok_status();
}

Status dispenser_fault(SimCashDispenser& sim, std::string_view fault, FaultMode mode, const FaultOptions& options) {
    if (fault == "shutter-jam") {
        sim.shutter_jam(mode);
        return ok_status();
    }
    if (fault == "unplugged") {
        sim.link().unplug(mode);
        return ok_status();
    }
    if (fault != "note-jam" && fault != "partial-dispense" && fault != "cassette-empty") {
        return make_error("sim control", "unknown dispenser fault '" + std::string(fault) + "'; known: " + known_faults("dispenser"));
    }
    KIOSK_TRY(check_cassette(sim, options.cassette));
    if (fault == "note-jam") sim.jam_on_pick(options.cassette, mode, options.after);
    else if (fault == "partial-dispense") sim.pick_failure(options.cassette, mode, options.after);
    else sim.cassette_empty(options.cassette, mode);
    return ok_status();
}

Status sensors_fault(SimSensors& sim, std::string_view fault, FaultMode mode) {
    if (fault == "tamper-opened") {
        // `next`: the switch opens and closes again (the latch keeps the alarm); `permanent`:
        // it stays open, so clearing the tamper latch is refused.
        sim.set_tamper_switch(mode != FaultMode::off);
        if (mode == FaultMode::once) sim.set_tamper_switch(false);
    } else if (fault == "unplugged") {
        sim.link().unplug(mode);
    } else {
        return make_error("sim control", "unknown sensors fault '" + std::string(fault) + "'; known: " + known_faults("sensors"));
    }
    return ok_status();
}

}  // namespace

const std::vector<FaultInfo>& fault_catalog() {
    static const std::vector<FaultInfo> catalog{
        {"card-reader", "jam-on-insert", "the card jams as it is drawn in (event jammed)"},
        {"card-reader", "jam-on-eject", "the card jams at eject (eject fails mediaJam)"},
        {"card-reader", "stripe-unreadable", "READ TRACKS answers invalidMedia"},
        {"card-reader", "unplugged", "the USB link fails (next command, or until cleared)"},
        {"pin-pad", "crypto-failure", "GET PIN BLOCK answers cryptoError"},
        {"pin-pad", "unplugged", "the USB link fails"},
        {"printer", "paper-near-end", "the paper sensor reports near end (next: until the next cut)"},
        {"printer", "paper-out-mid-receipt", "the roll ends after --after lines (default 2) of the receipt"},
        {"printer", "unplugged", "the USB link fails"},
        {"dispenser", "note-jam", "a pick from --cassette jams after --after notes (incomplete dispense)"},
        {"dispenser", "partial-dispense", "a pick from --cassette fails after --after notes (cashUnitError)"},
        {"dispenser", "cassette-empty", "next: --cassette is found empty at the pick; permanent: its sensor says empty"},
        {"dispenser", "shutter-jam", "the shutter jams at present (shutterFail)"},
        {"dispenser", "unplugged", "the USB link fails"},
        {"sensors", "tamper-opened", "the tamper switch opens (next: and closes; permanent: stays open)"},
        {"sensors", "unplugged", "the USB link fails"},
    };
    return catalog;
}

const std::vector<std::string_view>& device_names() {
    static const std::vector<std::string_view> names{"card-reader", "pin-pad", "printer", "dispenser", "sensors"};
    return names;
}

Status apply_fault(const SimDeviceSet& sims, std::string_view device, std::string_view fault, FaultMode mode,
                   const FaultOptions& options) {
    if (device == "card-reader") return sims.card_reader ? card_reader_fault(*sims.card_reader, fault, mode) : missing(device);
    if (device == "pin-pad") return sims.pin_pad ? pin_pad_fault(*sims.pin_pad, fault, mode) : missing(device);
    if (device == "printer") return sims.printer ? printer_fault(*sims.printer, fault, mode, options) : missing(device);
    if (device == "dispenser") return sims.dispenser ? dispenser_fault(*sims.dispenser, fault, mode, options) : missing(device);
    if (device == "sensors") return sims.sensors ? sensors_fault(*sims.sensors, fault, mode) : missing(device);
    return make_error("sim control", "unknown device '" + std::string(device) +
                                         "'; known: card-reader, pin-pad, printer, dispenser, sensors");
}

void clear_faults(const SimDeviceSet& sims) {
    for (const FaultInfo& info : fault_catalog()) {
        if (info.device == "dispenser" && sims.dispenser != nullptr && info.name != "shutter-jam" && info.name != "unplugged") {
            for (std::uint32_t i = 0; i < sims.dispenser->cassette_count(); ++i) {
                (void)apply_fault(sims, info.device, info.name, FaultMode::off, FaultOptions{i, 0});
            }
            continue;
        }
        (void)apply_fault(sims, info.device, info.name, FaultMode::off);  // absent devices are skipped
    }
}

}  // namespace kiosk::sim
