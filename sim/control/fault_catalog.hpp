// The simulator's named faults: one vocabulary for the control socket (`kioskctl sim fault
// <device> <fault>`), SimControl and the trace replayer. Each entry switches a sim device's fault
// hook on for the next operation (FaultMode::once) or permanently (FaultMode::always).
// Threads: any thread; each hook takes its device's lock (the sim devices are thread-safe).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "sim/control/sim_device_set.hpp"

namespace kiosk::sim {

struct FaultOptions {
    std::uint32_t cassette = 0;  // dispenser faults: which cassette
    std::uint32_t after = 0;     // paper-out-mid-receipt: lines printed first (0 = 2);
                                 // note-jam / partial-dispense: notes picked first
};

struct FaultInfo {
    std::string_view device;
    std::string_view name;
    std::string_view effect;  // one line for --help and docs
};

// Every fault, grouped by device, in a fixed order.
const std::vector<FaultInfo>& fault_catalog();

// The device names: card-reader, pin-pad, printer, dispenser, sensors.
const std::vector<std::string_view>& device_names();

// Switches `fault` of `device` to `mode`. Errors name an unknown device or fault (listing the
// known ones), a device this rig does not have, or a cassette out of range.
Status apply_fault(const SimDeviceSet& sims, std::string_view device, std::string_view fault, FaultMode mode,
                   const FaultOptions& options = {});

// Every fault of every device off, every link plugged in, the tamper switch closed. States the
// faults caused stay (paper out, a jammed card, an empty cassette, the tamper latch) until the
// kiosk or a technician deals with them, as on a real machine.
void clear_faults(const SimDeviceSet& sims);

}  // namespace kiosk::sim
