// Tracing decorators: each wraps a device interface, forwards every call unchanged, and writes a
// TraceRecord per command (name, request id, start/end time, outcome, error code) and per event a
// poll returned. They record states, counts and lengths only — read_tracks records that it
// succeeded, not the tracks; begin_pin_entry the mode and length limits, not the PAN; a PIN-pad
// key event the key, never a digit (not even a clear data-mode one); get_pin_block nothing of
// the block; print the number of lines, not their text. A poll that returns nothing is not
// recorded (the runtime polls ~60 times a second).
// Threads: a decorator keeps no state of its own; call it from the thread its inner driver is
// used on (one worker per device); decorators of different devices may share one Tracer.
// Run: build/h-ctl/bin/trace_tests; used by kiosk --sim --trace <file> (kiosk/simulator).
#pragma once

#include "drivers/card/card_reader.hpp"
#include "drivers/cash/cash_dispenser.hpp"
#include "drivers/pinpad/pin_pad.hpp"
#include "drivers/printer/receipt_printer.hpp"
#include "drivers/sensors/sensors.hpp"
#include "drivers/trace/tracer.hpp"

namespace kiosk::drivers {

// The device names used in traces and by the simulator's control socket.
namespace trace_device {
inline constexpr std::string_view card_reader = "card-reader";
inline constexpr std::string_view pin_pad = "pin-pad";
inline constexpr std::string_view printer = "printer";
inline constexpr std::string_view dispenser = "dispenser";
inline constexpr std::string_view sensors = "sensors";
}  // namespace trace_device

class TracingCardReader final : public CardReader {
public:
    TracingCardReader(CardReader& inner, Tracer& tracer) : inner_(inner), tracer_(tracer) {}
    Status enable_insertion(bool enabled) override;
    Result<std::vector<CardReaderEvent>> poll() override;
    Result<RawTracks> read_tracks() override;
    Status eject() override;
    Result<CaptureBin> retain() override;
    Status reset() override;
    CardReaderStatus status() override;

private:
    CardReader& inner_;
    Tracer& tracer_;
};

class TracingPinPad final : public PinPad {
public:
    TracingPinPad(PinPad& inner, Tracer& tracer) : inner_(inner), tracer_(tracer) {}
    Status begin_pin_entry(const PinEntryRequest& request) override;
    Result<std::vector<PinPadEvent>> poll() override;
    Result<Bytes> get_pin_block() override;
    Status cancel_entry() override;
    PinPadStatus status() override;

private:
    PinPad& inner_;
    Tracer& tracer_;
};

class TracingReceiptPrinter final : public ReceiptPrinter {
public:
    TracingReceiptPrinter(ReceiptPrinter& inner, Tracer& tracer) : inner_(inner), tracer_(tracer) {}
    Status print(const Receipt& receipt) override;
    PrinterStatus status() override;

private:
    ReceiptPrinter& inner_;
    Tracer& tracer_;
};

class TracingCashDispenser final : public CashDispenser {
public:
    TracingCashDispenser(CashDispenser& inner, Tracer& tracer) : inner_(inner), tracer_(tracer) {}
    Result<DispenseReport> dispense(const NotePlan& plan) override;
    Result<std::uint16_t> present() override;
    Result<RetractReport> retract() override;
    Status reset() override;
    Result<std::vector<std::uint32_t>> set_counts(const std::vector<std::uint32_t>& counts) override;
    Result<std::vector<CashDispenserEvent>> poll() override;
    DispenserStatus status() override;

private:
    CashDispenser& inner_;
    Tracer& tracer_;
};

class TracingSensors final : public Sensors {
public:
    TracingSensors(Sensors& inner, Tracer& tracer) : inner_(inner), tracer_(tracer) {}
    Result<SensorReadings> read() override;
    Result<std::vector<SensorChange>> poll() override;
    Status clear_tamper() override;

private:
    Sensors& inner_;
    Tracer& tracer_;
};

// The status fields every device shares, as trace detail: state, and the error's action and
// description when there is one.
nlohmann::json status_detail(const DeviceStatus& status);

}  // namespace kiosk::drivers
