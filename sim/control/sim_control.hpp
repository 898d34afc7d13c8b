// SimControl: what a developer or a test does to a running simulator — play the customer (insert a
// deck card, press PIN-pad keys, take the card, the cash or the receipt), inject and clear faults,
// and read every device's status through its driver. The control socket calls it; tests call it
// directly. Threads: one caller at a time. The customer actions and faults only touch the sim
// devices, which lock themselves; status() calls the drivers, so it must run where the drivers'
// other calls are made or be serialized with them (ControlMailbox carries socket requests to
// the kiosk runtime's loop).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.hpp"
#include "sim/control/fault_catalog.hpp"
#include "sim/control/sim_device_set.hpp"

namespace kiosk::sim {

struct DeviceReport {
    std::string device;  // card-reader, pin-pad, …
    drivers::DeviceStatus status;
    std::vector<std::pair<std::string, std::string>> details;  // media, paper, bin, cassettes, …
};

// "printer: online; paper ok" — one line, as `kiosk --replay` prints it.
std::string describe(const DeviceReport& report);

// Every device's status as someone read it (a device not fitted: nullopt).
struct DeviceSnapshot {
    std::optional<drivers::CardReaderStatus> card_reader;
    std::optional<drivers::PinPadStatus> pin_pad;
    std::optional<drivers::PrinterStatus> printer;
    std::optional<drivers::DispenserStatus> dispenser;
    std::optional<Result<drivers::SensorReadings>> sensors;
};
std::vector<DeviceReport> device_reports(const DeviceSnapshot& snapshot);

class SimControl {
public:
    SimControl(SimDeviceSet sims, DriverSet drivers) : sims_(sims), drivers_(drivers) {}

    // Every device this rig has, in device_names() order: from the status source when one is set
    // (kiosk --sim: the runtime's last reading, since its drivers belong to their workers), else
    // through each driver's status() (the simulator alone, in tests).
    std::vector<DeviceReport> status();
    void set_status_source(std::function<DeviceSnapshot()> source) { status_source_ = std::move(source); }

    // The deck card `deck_id` (sim/devices/card_deck.hpp) into the slot.
    Status insert_card(std::string_view deck_id);
    // PIN-pad keys: space- or comma-separated words; a word of digits presses each digit, and
    // enter, clear, backspace, cancel, f1…f8, repeat, volume-up, volume-down press that key. Every word is checked before any key
    // is pressed. Returns how many keys were pressed. Digits are never echoed anywhere.
    Result<std::size_t> press(std::string_view keys);
    Status take_card();
    // Headphones into or out of the sensor board's audio jack (speech guidance, docs/ui.md § Speech).
    Status set_headset(bool plugged);
    // Takes the presented notes; returns their value in minor units.
    Result<std::int64_t> take_cash();
    // The oldest cut receipt not yet taken, as its text (a receipt holds only the masked PAN).
    Result<std::string> take_receipt();

    Status fault(std::string_view device, std::string_view fault, FaultMode mode, const FaultOptions& options = {});
    void clear_faults();

    [[nodiscard]] const SimDeviceSet& sims() const { return sims_; }

private:
    SimDeviceSet sims_;
    DriverSet drivers_;
    std::function<DeviceSnapshot()> status_source_;
    std::size_t receipts_taken_ = 0;
};

}  // namespace kiosk::sim
