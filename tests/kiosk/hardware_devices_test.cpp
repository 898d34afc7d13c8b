// HardwareDevices: the drivers [devices] asks for, each over a reopening link. A configured device
// that is absent reports noDevice naming its USB id and config key (never an exception); it comes
// back by itself once it appears, and goes again when it is unplugged. Sim devices stand in for the
// USB hardware: the opener hands out their byte transports while they are "plugged in".
#include "kiosk/hardware/hardware_devices.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "common/random_source.hpp"
#include "sim/devices/sim_card_reader.hpp"
#include "sim/devices/sim_pin_pad.hpp"
#include "sim/devices/sim_printer.hpp"
#include "sim/devices/sim_sensors.hpp"
#include "sim/virtual_clock.hpp"

namespace kiosk::hardware {
namespace {

using namespace std::chrono_literals;

constexpr UsbId reader_id{0xffff, 0xfff0};
constexpr UsbId pin_pad_id{0xffff, 0xfff1};
constexpr UsbId printer_id{0xffff, 0xfff2};
constexpr UsbId sensors_id{0xffff, 0xfff4};

std::uint32_t key_of(UsbId id) {
    return (static_cast<std::uint32_t>(id.vendor) << 16U) | static_cast<std::uint32_t>(id.product);
}

class BorrowedTransport final : public drivers::Transport {
public:
    explicit BorrowedTransport(drivers::Transport& inner) : inner_(inner) {}
    Status write(ByteView bytes, Millis timeout) override { return inner_.write(bytes, timeout); }
    Result<Bytes> read(std::size_t max, Millis timeout) override { return inner_.read(max, timeout); }

private:
    drivers::Transport& inner_;
};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

class HardwareDevicesTest : public ::testing::Test {
protected:
    HardwareDevicesTest() {
        config_.card_reader = reader_id;
        config_.pin_pad = pin_pad_id;
        config_.printer = printer_id;
        config_.sensors = sensors_id;
        bench_[key_of(reader_id)] = &reader_.host_transport();
        bench_[key_of(pin_pad_id)] = &pin_pad_.host_transport();
        bench_[key_of(printer_id)] = &printer_.host_transport();
        bench_[key_of(sensors_id)] = &sensors_.host_transport();
    }

    // Opens a device that is plugged in on the bench; "not on the bus" otherwise.
    OpenerFactory bench_openers() {
        return [this](UsbId id) -> TransportOpener {
            return [this, id]() -> Result<std::unique_ptr<drivers::Transport>> {
                if (plugged_.count(key_of(id)) == 0) return drivers::disconnected_error("usb");
                return std::unique_ptr<drivers::Transport>(std::make_unique<BorrowedTransport>(*bench_[key_of(id)]));
            };
        };
    }

    void plug_everything() {
        for (const auto& [key, transport] : bench_) plugged_.insert(key);
    }

    sim::VirtualClock clock_;
    SeededRandom random_{5};
    sim::SimCardReader reader_;
    sim::SimPinPad pin_pad_{Bytes(16, 0x11), random_};
    sim::SimPrinter printer_;
    sim::SimSensors sensors_;
    std::map<std::uint32_t, drivers::Transport*> bench_;
    std::set<std::uint32_t> plugged_;
    DevicesConfig config_;
};

TEST_F(HardwareDevicesTest, EveryRequiredDeviceMustBeConfigured) {
    for (const auto& [unset, key] : {std::pair{&DevicesConfig::card_reader, "devices.card_reader_usb"},
                                     std::pair{&DevicesConfig::pin_pad, "devices.pin_pad_usb"},
                                     std::pair{&DevicesConfig::printer, "devices.printer_usb"}}) {
        DevicesConfig config = config_;
        config.*unset = std::nullopt;
        try {
            HardwareDevices devices(config, clock_, bench_openers());
            ADD_FAILURE() << key << " unset was accepted";
        } catch (const ConfigError& error) {
            EXPECT_TRUE(contains(error.what(), std::string(key) + " is not set")) << error.what();
        }
    }
}

TEST_F(HardwareDevicesTest, TheOptionalDevicesAreLeftOutWhenNotConfigured) {
    config_.sensors = std::nullopt;
    HardwareDevices hardware(config_, clock_, bench_openers());
    const Devices devices = hardware.devices();
    EXPECT_EQ(devices.cash_dispenser, nullptr);
    EXPECT_EQ(devices.sensors, nullptr);
    EXPECT_EQ(hardware.links().size(), 3U);
}

TEST_F(HardwareDevicesTest, AbsentDevicesReportNoDeviceNamingTheirUsbIdAndKey) {
    HardwareDevices hardware(config_, clock_, bench_openers());
    const Devices devices = hardware.devices();

    const drivers::CardReaderStatus reader = devices.card_reader.status();
    EXPECT_EQ(reader.device.state, drivers::DeviceState::noDevice);
    ASSERT_TRUE(reader.device.error.has_value());
    EXPECT_EQ(reader.device.error->action, drivers::RecommendedAction::maintenance);
    EXPECT_EQ(reader.device.error->description, "USB ffff:fff0 (devices.card_reader_usb): not connected");

    const drivers::PinPadStatus pin_pad = devices.pin_pad.status();
    EXPECT_EQ(pin_pad.device.state, drivers::DeviceState::noDevice);
    EXPECT_TRUE(contains(drivers::describe(pin_pad.device), "USB ffff:fff1 (devices.pin_pad_usb)"));

    const drivers::PrinterStatus printer = devices.printer.status();
    EXPECT_EQ(printer.device.state, drivers::DeviceState::noDevice);
    EXPECT_FALSE(printer.paper.has_value());

    auto sensors = devices.sensors->read();
    ASSERT_FALSE(sensors.ok());
    EXPECT_EQ(sensors.error().message, "USB ffff:fff4 (devices.sensors_usb): not connected");

    // Commands fail as errors too, never as exceptions.
    EXPECT_FALSE(devices.card_reader.poll().ok());
    EXPECT_FALSE(devices.card_reader.enable_insertion(true).ok());
}

TEST_F(HardwareDevicesTest, DevicesThatAppearComeBackByThemselves) {
    HardwareDevices hardware(config_, clock_, bench_openers());
    const Devices devices = hardware.devices();
    ASSERT_EQ(devices.printer.status().device.state, drivers::DeviceState::noDevice);

    plug_everything();
    EXPECT_EQ(devices.printer.status().device.state, drivers::DeviceState::noDevice)
        << "looked for again only after the retry interval";
    clock_.advance(ReopeningTransport::default_retry_interval);
    EXPECT_EQ(devices.card_reader.status().device.state, drivers::DeviceState::online);
    EXPECT_EQ(devices.pin_pad.status().device.state, drivers::DeviceState::online);
    const drivers::PrinterStatus printer = devices.printer.status();
    EXPECT_EQ(printer.device.state, drivers::DeviceState::online);
    EXPECT_EQ(printer.paper, drivers::PaperState::ok);
    EXPECT_TRUE(devices.sensors->read().ok());
    for (const DeviceLink& link : hardware.links()) EXPECT_TRUE(link.transport->is_open()) << link.name;
}

TEST_F(HardwareDevicesTest, AnUnpluggedPrinterIsNoDeviceUntilItIsBack) {
    plug_everything();
    HardwareDevices hardware(config_, clock_, bench_openers());
    const Devices devices = hardware.devices();
    ASSERT_EQ(devices.printer.status().device.state, drivers::DeviceState::online);

    printer_.link().set_disconnected(true);
    plugged_.erase(key_of(printer_id));
    const drivers::PrinterStatus gone = devices.printer.status();
    EXPECT_EQ(gone.device.state, drivers::DeviceState::noDevice);
    ASSERT_TRUE(gone.device.error.has_value());
    EXPECT_EQ(gone.device.error->description, "USB ffff:fff2 (devices.printer_usb): not connected");

    printer_.link().set_disconnected(false);
    plugged_.insert(key_of(printer_id));
    clock_.advance(ReopeningTransport::default_retry_interval);
    EXPECT_EQ(devices.printer.status().device.state, drivers::DeviceState::online);
}

TEST_F(HardwareDevicesTest, DeviceLabelsSayTheUsbIdAndTheConfigKey) {
    EXPECT_EQ(device_label(UsbId{0x04b8, 0x0e15}, "devices.printer_usb"), "USB 04b8:0e15 (devices.printer_usb)");
}

}  // namespace
}  // namespace kiosk::hardware
