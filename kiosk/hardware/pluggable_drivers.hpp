// Pluggable drivers: each wraps a real driver whose device sits behind a ReopeningTransport and
// forwards every call; status (for the sensors: read) answers for itself while the device is not
// connected, naming the device and the reason — "USB ffff:fff0 (devices.printer_usb): not
// connected" — instead of the driver's bare "disconnected". A configured device that is absent, or
// unplugged later, is therefore a noDevice status the runtime routes on (out of service, no
// receipts, …), never an exception, and it comes back by itself when the transport can open it.
#pragma once

#include "drivers/card/card_reader.hpp"
#include "drivers/cash/cash_dispenser.hpp"
#include "drivers/pinpad/pin_pad.hpp"
#include "drivers/printer/receipt_printer.hpp"
#include "drivers/sensors/sensors.hpp"
#include "kiosk/hardware/reopening_transport.hpp"

namespace kiosk::hardware {

// The status of a device whose link is not open: noDevice (action maintenance: check cable and
// power) when it is not there; offline (action reset) when it is there but cannot be opened, e.g.
// no permission on its USB node.
drivers::DeviceStatus unplugged_status(const std::string& label, const Error& reason);

class PluggableCardReader final : public drivers::CardReader {
public:
    PluggableCardReader(drivers::CardReader& inner, ReopeningTransport& link) : inner_(inner), link_(link) {}
    Status enable_insertion(bool enabled) override { return inner_.enable_insertion(enabled); }
    Result<std::vector<drivers::CardReaderEvent>> poll() override { return inner_.poll(); }
    Result<drivers::RawTracks> read_tracks() override { return inner_.read_tracks(); }
    Status eject() override { return inner_.eject(); }
    Result<drivers::CaptureBin> retain() override { return inner_.retain(); }
    Status reset() override { return inner_.reset(); }
    drivers::CardReaderStatus status() override;

private:
    drivers::CardReader& inner_;
    ReopeningTransport& link_;
};

class PluggablePinPad final : public drivers::PinPad {
public:
    PluggablePinPad(drivers::PinPad& inner, ReopeningTransport& link) : inner_(inner), link_(link) {}
    Status begin_pin_entry(const drivers::PinEntryRequest& request) override { return inner_.begin_pin_entry(request); }
    Result<std::vector<drivers::PinPadEvent>> poll() override { return inner_.poll(); }
    Result<Bytes> get_pin_block() override { return inner_.get_pin_block(); }
    Status cancel_entry() override { return inner_.cancel_entry(); }
    drivers::PinPadStatus status() override;

private:
    drivers::PinPad& inner_;
    ReopeningTransport& link_;
};

class PluggablePrinter final : public drivers::ReceiptPrinter {
public:
    PluggablePrinter(drivers::ReceiptPrinter& inner, ReopeningTransport& link) : inner_(inner), link_(link) {}
    Status print(const drivers::Receipt& receipt) override { return inner_.print(receipt); }
    drivers::PrinterStatus status() override;

private:
    drivers::ReceiptPrinter& inner_;
    ReopeningTransport& link_;
};

class PluggableCashDispenser final : public drivers::CashDispenser {
public:
    PluggableCashDispenser(drivers::CashDispenser& inner, ReopeningTransport& link) : inner_(inner), link_(link) {}
    Result<drivers::DispenseReport> dispense(const drivers::NotePlan& plan) override { return inner_.dispense(plan); }
    Result<std::uint16_t> present() override { return inner_.present(); }
    Result<drivers::RetractReport> retract() override { return inner_.retract(); }
    Status reset() override { return inner_.reset(); }
    Result<std::vector<std::uint32_t>> set_counts(const std::vector<std::uint32_t>& counts) override {
        return inner_.set_counts(counts);
    }
    Result<std::vector<drivers::CashDispenserEvent>> poll() override { return inner_.poll(); }
    drivers::DispenserStatus status() override;

private:
    drivers::CashDispenser& inner_;
    ReopeningTransport& link_;
};

class PluggableSensors final : public drivers::Sensors {
public:
    PluggableSensors(drivers::Sensors& inner, ReopeningTransport& link) : inner_(inner), link_(link) {}
    // The sensors have no status of their own: a board that is not connected is a failed read.
    Result<drivers::SensorReadings> read() override;
    Result<std::vector<drivers::SensorChange>> poll() override { return inner_.poll(); }
    Status clear_tamper() override { return inner_.clear_tamper(); }

private:
    drivers::Sensors& inner_;
    ReopeningTransport& link_;
};

}  // namespace kiosk::hardware
