// The files the package installs beside the programs (kiosk/deploy/), checked against the code
// they must agree with: the default config is one the loader accepts (and, as shipped, one the
// kiosk on hardware refuses to start with, naming what the bank must fill in); the udev rule is
// the line `kioskctl devices --udev-rules` prints, for the group the unit names.
#include <gtest/gtest.h>


#include "kiosk/app/production_run.hpp"
#include "kiosk/config/kiosk_config.hpp"
#include "kiosk/service/udev_rule.hpp"
#include "tests/kiosk/service/read_text.hpp"

namespace kiosk::service {
namespace {

const std::filesystem::path deploy = std::filesystem::path(KIOSK_SOURCE_DIR) / "kiosk" / "deploy";

TEST(DeployFilesTest, TheDefaultConfigLoadsAndPointsAtSystemdsDirectories) {
    const KioskConfig config = load_config(deploy / "kiosk.toml");
    EXPECT_EQ(config.data_dir, "/var/lib/kiosk");  // StateDirectory=kiosk
    EXPECT_EQ(config.log_dir(), "/var/lib/kiosk/log");
    EXPECT_EQ(config.font_dir, "/usr/share/fonts/opentype/noto");  // fonts-noto-cjk, a Depends
    ASSERT_TRUE(config.devices.printer.has_value());
    EXPECT_EQ(*config.devices.printer, (UsbId{0x04b8, 0x0e15}));
}

TEST(DeployFilesTest, TheControlSocketIsInTheUnitsRuntimeDirectoryForTheKioskGroup) {
    const KioskConfig config = load_config(deploy / "kiosk.toml");
    EXPECT_EQ(config.kiosk_socket_path(), "/run/kiosk/kiosk.sock");
    EXPECT_EQ(config.service.control_group, "kiosk");  // the unit's Group=, which sysusers makes
    const std::string unit = test::read_text(deploy / "kiosk.service");
    EXPECT_NE(unit.find("\nRuntimeDirectory=kiosk\n"), std::string::npos) << unit;
    EXPECT_NE(unit.find("\nRuntimeDirectoryMode=0750\n"), std::string::npos) << unit;
    EXPECT_NE(unit.find("\nReadWritePaths=/var/lib/kiosk /run/kiosk\n"), std::string::npos) << unit;
    EXPECT_NE(unit.find("\nGroup=kiosk\n"), std::string::npos) << unit;
}

TEST(DeployFilesTest, AsShippedTheKioskRefusesToStartNamingTheBankHost) {
    const KioskConfig config = load_config(deploy / "kiosk.toml");
    try {
        require_production_config(config);
        ADD_FAILURE() << "the shipped config has no bank host, yet it was accepted";
    } catch (const ConfigError& error) {
        EXPECT_TRUE(std::string(error.what()).starts_with("host.address is not set")) << error.what();
    }
}

TEST(DeployFilesTest, TheUdevRuleIsTheGeneratedLineForTheDefaultConfigsPrinter) {
    const std::string rules = test::read_text(deploy / "60-kiosk.rules");
    const std::string line = udev_rule_line({0x04b8, 0x0e15});
    EXPECT_EQ(line,
              "SUBSYSTEM==\"usb\", ENV{DEVTYPE}==\"usb_device\", ATTR{idVendor}==\"04b8\", ATTR{idProduct}==\"0e15\", "
              "GROUP=\"kiosk-usb\", MODE=\"0660\"");
    EXPECT_NE(rules.find("\n" + line + "\n"), std::string::npos) << rules;
    EXPECT_EQ(udev_rule_line({0xABCD, 0x00EF}).find("ATTR{idVendor}==\"abcd\", ATTR{idProduct}==\"00ef\""),
              line.find("ATTR{idVendor}")) << "lowercase, four digits: as sysfs reads them";
}

TEST(DeployFilesTest, TheUnitRunsAsTheUserTheSysusersFileCreatesInTheUdevGroup) {
    const std::string unit = test::read_text(deploy / "kiosk.service");
    const std::string sysusers = test::read_text(deploy / "kiosk.sysusers");
    EXPECT_NE(unit.find("\nUser=kiosk\n"), std::string::npos);
    EXPECT_NE(unit.find("\nSupplementaryGroups=" + std::string(kUsbGroup) + "\n"), std::string::npos);
    EXPECT_NE(sysusers.find("\nu kiosk - "), std::string::npos) << sysusers;
    EXPECT_NE(sysusers.find("\ng " + std::string(kUsbGroup) + " -\n"), std::string::npos) << sysusers;
    EXPECT_NE(unit.find("\nExecStart=/usr/bin/kiosk --config /etc/kiosk/kiosk.toml\n"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::service
