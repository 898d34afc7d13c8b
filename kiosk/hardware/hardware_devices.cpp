// HardwareDevices (see hardware_devices.hpp).
#include "kiosk/hardware/hardware_devices.hpp"

#include "drivers/usb/usb_transport.hpp"
#include "kiosk/hardware/usb_opener.hpp"
#include "ui/receipt_rasterizer.hpp"

namespace kiosk::hardware {

namespace {

drivers::usb::UsbDeviceId usb_id(UsbId id) {
    return {id.vendor, id.product};
}

// A device's transport, driver and pluggable wrapper, in the order they must be built (and the
// reverse of the order they are destroyed in).
template <typename Driver, typename Pluggable>
struct Parts {
    template <typename... DriverOptions>
    Parts(UsbId id, std::string_view key, const OpenerFactory& openers, const Clock& clock, DriverOptions&&... options)
        : transport(device_label(id, key), openers(id), clock),
          driver(transport, std::forward<DriverOptions>(options)...),
          pluggable(driver, transport) {}

    ReopeningTransport transport;
    Driver driver;
    Pluggable pluggable;
};

const UsbId& required(const std::optional<UsbId>& id, std::string_view key, std::string_view device) {
    if (!id) {
        throw ConfigError(std::string(key) + " is not set: the kiosk on hardware needs its " + std::string(device) +
                          " (docs/configuration.md, [devices])");
    }
    return *id;
}

}  // namespace

struct HardwareDevices::CardReaderParts : Parts<drivers::MechanismCardReader, PluggableCardReader> {
    using Parts::Parts;
};
struct HardwareDevices::PinPadParts : Parts<drivers::EncryptingPinPad, PluggablePinPad> {
    using Parts::Parts;
};
struct HardwareDevices::PrinterParts : Parts<drivers::EscPosPrinter, PluggablePrinter> {
    using Parts::Parts;
};
struct HardwareDevices::DispenserParts : Parts<drivers::FramedCashDispenser, PluggableCashDispenser> {
    using Parts::Parts;
};
struct HardwareDevices::SensorParts : Parts<drivers::FramedSensors, PluggableSensors> {
    using Parts::Parts;
};

std::string device_label(UsbId id, std::string_view config_key) {
    return "USB " + drivers::usb::to_string(usb_id(id)) + " (" + std::string(config_key) + ")";
}

OpenerFactory usb_opener_factory() {
    return [](UsbId id) { return usb_opener(usb_id(id)); };
}

HardwareDevices::HardwareDevices(const DevicesConfig& config, const Clock& clock, const OpenerFactory& openers) {
    constexpr std::string_view reader_key = "devices.card_reader_usb";
    constexpr std::string_view pin_pad_key = "devices.pin_pad_usb";
    constexpr std::string_view printer_key = "devices.printer_usb";
    card_reader_ = std::make_unique<CardReaderParts>(required(config.card_reader, reader_key, "card reader"),
                                                     reader_key, openers, clock);
    pin_pad_ =
        std::make_unique<PinPadParts>(required(config.pin_pad, pin_pad_key, "PIN pad"), pin_pad_key, openers, clock);
    drivers::EscPosPrinterOptions printing;
    printing.chinese = config.printer_chinese;
    if (printing.chinese == drivers::ChineseTextMode::raster) {
        // The screens' fonts draw the receipt's Chinese lines (a missing font stops start-up).
        rasterizer_ = std::make_unique<ui::ReceiptRasterizer>(ui::FontPaths::debian_default());
        printing.rasterizer = rasterizer_.get();
    }
    printer_ = std::make_unique<PrinterParts>(required(config.printer, printer_key, "receipt printer"), printer_key,
                                              openers, clock, printing);
    if (config.dispenser) {
        dispenser_ = std::make_unique<DispenserParts>(*config.dispenser, "devices.dispenser_usb", openers, clock);
    }
    if (config.sensors)
        sensors_ = std::make_unique<SensorParts>(*config.sensors, "devices.sensors_usb", openers, clock);
}

HardwareDevices::~HardwareDevices() = default;

Devices HardwareDevices::devices() {
    return Devices{card_reader_->pluggable, pin_pad_->pluggable, printer_->pluggable,
                   dispenser_ ? &dispenser_->pluggable : nullptr, sensors_ ? &sensors_->pluggable : nullptr};
}

std::vector<DeviceLink> HardwareDevices::links() const {
    std::vector<DeviceLink> links{{"card reader", &card_reader_->transport},
                                  {"PIN pad", &pin_pad_->transport},
                                  {"printer", &printer_->transport}};
    if (dispenser_) links.push_back({"dispenser", &dispenser_->transport});
    if (sensors_) links.push_back({"sensors", &sensors_->transport});
    return links;
}

}  // namespace kiosk::hardware
