// The kiosk's real devices, assembled from the config's [devices] section: for each configured
// peripheral its driver (ESC/POS printer, framed card mechanism, PIN pad, dispenser, sensor board)
// over a ReopeningTransport to its USB id, wrapped so that its status names it when it is not
// connected. Nothing is opened here; a device absent at start is a noDevice status that clears by
// itself once the device appears (reopening_transport.hpp). The simulator's counterpart is
// kiosk/simulator/simulator_rig.hpp, which builds the same drivers over loopback transports.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "drivers/card/mechanism_card_reader.hpp"
#include "drivers/cash/framed_cash_dispenser.hpp"
#include "drivers/pinpad/encrypting_pin_pad.hpp"
#include "drivers/printer/escpos_printer.hpp"
#include "drivers/sensors/framed_sensors.hpp"
#include "kiosk/config/kiosk_config.hpp"
#include "kiosk/hardware/pluggable_drivers.hpp"
#include "kiosk/hardware/reopening_transport.hpp"
#include "kiosk/runtime/runtime.hpp"

namespace kiosk::ui {
class ReceiptRasterizer;
}  // namespace kiosk::ui

namespace kiosk::hardware {

// Makes the opener of the device at `id` (usb_opener by default; tests hand in their own).
using OpenerFactory = std::function<TransportOpener(UsbId id)>;

OpenerFactory usb_opener_factory();

// One configured device's link, for the start-up log and technicians.
struct DeviceLink {
    std::string name;  // "card reader", "PIN pad", "printer", "dispenser", "sensors"
    ReopeningTransport* transport = nullptr;
};

class HardwareDevices {
public:
    // Throws ConfigError naming the key when the card reader, PIN pad or printer is not
    // configured: the runtime cannot run without them. Dispenser and sensors are optional (not
    // fitted: no withdrawals, no door and tamper supervision). `clock` paces the reopen attempts
    // and must outlive this object.
    HardwareDevices(const DevicesConfig& config, const Clock& clock,
                    const OpenerFactory& openers = usb_opener_factory());
    ~HardwareDevices();
    HardwareDevices(const HardwareDevices&) = delete;
    HardwareDevices& operator=(const HardwareDevices&) = delete;

    // The drivers the runtime uses (kiosk::Devices holds references into this object).
    [[nodiscard]] Devices devices();
    // Every configured device's link, card reader first.
    [[nodiscard]] std::vector<DeviceLink> links() const;

private:
    struct CardReaderParts;
    struct PinPadParts;
    struct PrinterParts;
    struct DispenserParts;
    struct SensorParts;

    std::unique_ptr<ui::ReceiptRasterizer> rasterizer_;  // devices.printer_chinese = "raster" only
    std::unique_ptr<CardReaderParts> card_reader_;
    std::unique_ptr<PinPadParts> pin_pad_;
    std::unique_ptr<PrinterParts> printer_;
    std::unique_ptr<DispenserParts> dispenser_;  // nullptr: not fitted
    std::unique_ptr<SensorParts> sensors_;       // nullptr: not fitted
};

// "USB ffff:fff0 (devices.printer_usb)": how a device is named in its status and in the log.
std::string device_label(UsbId id, std::string_view config_key);

}  // namespace kiosk::hardware
