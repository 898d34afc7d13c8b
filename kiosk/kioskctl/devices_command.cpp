// `kioskctl devices`: is each peripheral of [devices] on the USB bus? For a technician at a real
// kiosk ("the printer is not enumerating"); `kiosk --config` on hardware reports the same at start
// (kiosk/hardware/). Exit 0 when every configured device is present, 1 when one is missing or USB
// cannot be read. `kioskctl devices --udev-rules` prints the udev rules that give those devices to
// the kiosk service's group instead.
#include <CLI/CLI.hpp>

#include <memory>
#include <vector>

#include "drivers/usb/usb_transport.hpp"
#include "kiosk/kioskctl/commands.hpp"
#include "kiosk/service/udev_rule.hpp"

namespace kiosk::kioskctl {

namespace {

struct ConfiguredDevice {
    const char* name;
    const char* key;
    const std::optional<UsbId>& id;
};

std::vector<ConfiguredDevice> configured_devices(const KioskConfig& config) {
    return {
        {"card-reader", "devices.card_reader_usb", config.devices.card_reader},
        {"pin-pad", "devices.pin_pad_usb", config.devices.pin_pad},
        {"printer", "devices.printer_usb", config.devices.printer},
        {"dispenser", "devices.dispenser_usb", config.devices.dispenser},
        {"sensors", "devices.sensors_usb", config.devices.sensors},
    };
}

}  // namespace

int run_devices_udev_rules(const KioskConfig& config, Streams io) {
    int rules = 0;
    for (const ConfiguredDevice& device : configured_devices(config)) {
        if (!device.id) continue;
        io.out << "# " << device.name << " (" << device.key << ")\n" << service::udev_rule_line(*device.id) << "\n";
        ++rules;
    }
    if (rules == 0) {
        report_error(io.err, "[devices] names no peripheral: no rule to write (docs/configuration.md)");
        return kExitFailure;
    }
    return kExitOk;
}

int run_devices(const KioskConfig& config, Streams io) {
    const std::vector<ConfiguredDevice> devices = configured_devices(config);
    int exit_code = kExitOk;
    for (const ConfiguredDevice& device : devices) {
        if (!device.id) {
            io.out << device.name << ": not configured (" << device.key << ")\n";
            continue;
        }
        const drivers::usb::UsbDeviceId id{device.id->vendor, device.id->product};
        auto found = drivers::usb::list_usb_devices(&id);
        if (!found) {
            report_error(io.err, "reading the USB bus: " + found.error().to_string());
            return kExitFailure;
        }
        io.out << device.name << " " << drivers::usb::to_string(id) << ": ";
        if (found->empty()) {
            io.out << "not connected\n";
            exit_code = kExitFailure;
            continue;
        }
        const drivers::usb::UsbDeviceInfo& first = found->front();
        io.out << "connected (bus " << static_cast<int>(first.bus) << ", address " << static_cast<int>(first.address)
               << (found->size() > 1 ? ", and " + std::to_string(found->size() - 1) + " more with this id" : "")
               << ")\n";
    }
    return exit_code;
}

void register_devices_command(CLI::App& app, ToolContext& tool) {
    CLI::App* devices = app.add_subcommand("devices", "Look for each [devices] peripheral on the USB bus");
    auto udev_rules = std::make_shared<bool>(false);
    devices->add_flag("--udev-rules", *udev_rules,
                      "Print the udev rules that give the configured peripherals to the kiosk service (reads no bus)");
    devices->callback([&tool, udev_rules] {
        tool.exit_code = with_config(tool, [&tool, udev_rules](const KioskConfig& config) {
            return *udev_rules ? run_devices_udev_rules(config, tool.io) : run_devices(config, tool.io);
        });
    });
}

}  // namespace kiosk::kioskctl
