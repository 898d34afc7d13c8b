// SimInstruments: what `kiosk --sim` puts around its drivers — the control socket, served on the
// runtime's own loop thread, and optionally a device trace being recorded or replayed. The rig
// hands the runtime card_reader()/pin_pad()/printer() instead of the bare drivers:
//   * the card reader's poll() first runs the control requests waiting (the runtime polls it once
//     per tick: the same loop and thread the window's simulator keys use), then polls;
//   * with a trace file, every command, event and completion is recorded (tracing_drivers.hpp);
//   * with a replay file, the recorded trace is fed back into the sim devices (trace_replayer.hpp).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "common/clock.hpp"
#include "drivers/trace/tracing_drivers.hpp"
#include "sim/control/control_service.hpp"
#include "sim/control/trace_replayer.hpp"

namespace kiosk::sim {

struct SimInstrumentOptions {
    std::optional<std::filesystem::path> control_socket;  // nullopt: no control socket
    std::optional<std::filesystem::path> trace_file;      // record the device trace here
    std::optional<std::filesystem::path> replay_file;     // replay this trace into the sims
    ReplayOptions replay;
};

class SimInstruments {
public:
    // Throws std::runtime_error naming the socket or file that could not be opened (start-up).
    SimInstruments(const SimInstrumentOptions& options, SimDeviceSet sims, DriverSet drivers, const Clock& clock);

    drivers::CardReader& card_reader() { return *card_reader_; }
    drivers::PinPad& pin_pad() { return *pin_pad_; }
    drivers::ReceiptPrinter& printer() { return *printer_; }
    drivers::CashDispenser* cash_dispenser() { return dispenser_; }  // null when the rig has none
    drivers::Sensors* sensors() { return sensors_; }

    // A touch on the screen, in `state` (a flow state name): recorded as a "touchscreen" event
    // while tracing, so a replay can touch the same thing once the kiosk is there again. Touch
    // targets are screen action ids ("balance", "amount_2"): never card data.
    void record_touch(std::string_view action, std::string_view state);

    ControlService* control() { return control_.get(); }
    // On the loop thread, once per turn: carries out the control socket's waiting requests.
    void pump_control() {
        if (control_) control_->pump();
    }
    TraceReplayer* replayer() { return replayer_.get(); }

private:
    std::unique_ptr<drivers::TraceFileWriter> trace_writer_;
    std::unique_ptr<drivers::TraceLog> discard_;  // the sink while only replaying
    std::unique_ptr<TraceReplayer> replayer_;
    std::unique_ptr<drivers::Tracer> tracer_;
    std::unique_ptr<drivers::TracingCardReader> traced_reader_;
    std::unique_ptr<drivers::TracingPinPad> traced_pin_pad_;
    std::unique_ptr<drivers::TracingReceiptPrinter> traced_printer_;
    std::unique_ptr<drivers::TracingCashDispenser> traced_dispenser_;
    std::unique_ptr<drivers::TracingSensors> traced_sensors_;
    std::unique_ptr<ControlService> control_;
    drivers::CardReader* card_reader_ = nullptr;
    drivers::PinPad* pin_pad_ = nullptr;
    drivers::ReceiptPrinter* printer_ = nullptr;
    drivers::CashDispenser* dispenser_ = nullptr;
    drivers::Sensors* sensors_ = nullptr;
};

}  // namespace kiosk::sim
