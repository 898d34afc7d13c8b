// kiosk/deploy/kiosk.service as systemd reads it: `systemd-analyze verify` accepts it without a
// single warning (an unknown or misspelt key is only a warning, exit 0, so the output must be
// empty), and `systemd-analyze security --offline` rates its exposure at most 2.5 of 10 (it is
// 1.9: a hardening line dropped by mistake shows here). verify checks that ExecStart's program
// exists, so the copy under test runs the kiosk of this build tree in place of /usr/bin/kiosk.
// And the sysusers file, applied by systemd-sysusers to an empty root, makes the user and groups.
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/kiosk/service/command_output.hpp"
#include "tests/kiosk/service/read_text.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

class SystemdUnitTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (test::run_command("command -v systemd-analyze").exit_code != 0) {
            GTEST_SKIP() << "systemd-analyze is not installed (Debian package systemd, in scripts/debian-packages.txt)";
        }
        dir_ = fs::temp_directory_path() / ("kiosk-unit-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
        std::string unit = test::read_text(fs::path(KIOSK_SOURCE_DIR) / "kiosk" / "deploy" / "kiosk.service");
        const std::string installed = "ExecStart=/usr/bin/kiosk ";
        const std::size_t at = unit.find(installed);
        ASSERT_NE(at, std::string::npos) << "the unit does not run /usr/bin/kiosk";
        unit.replace(at, installed.size(), "ExecStart=" + std::string(KIOSK_BINARY) + " ");
        unit_ = dir_ / "kiosk.service";
        std::ofstream(unit_) << unit;
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path dir_;
    fs::path unit_;
};

TEST_F(SystemdUnitTest, SystemdAnalyzeVerifyAcceptsTheUnitWithoutAWarning) {
    const test::CommandOutput verify = test::run_command("systemd-analyze verify " + test::quoted(unit_.string()));
    EXPECT_EQ(verify.exit_code, 0) << verify.output;
    EXPECT_EQ(verify.output, "") << "systemd-analyze verify warned";
}

TEST_F(SystemdUnitTest, ItsSecurityExposureIsLow) {
    const test::CommandOutput security = test::run_command("systemd-analyze security --offline=true --threshold=25 " +
                                                           test::quoted(unit_.string()));
    EXPECT_EQ(security.exit_code, 0) << security.output;
    EXPECT_NE(security.output.find("Overall exposure level for kiosk.service: "), std::string::npos) << security.output;
}

// The package's postinst runs `systemd-sysusers kiosk.conf`; here on an empty root instead of /.
TEST_F(SystemdUnitTest, TheSysusersFileCreatesTheServiceUserAndTheUsbGroup) {
    const fs::path root = dir_ / "root";
    fs::create_directories(root / "etc");
    const fs::path sysusers = fs::path(KIOSK_SOURCE_DIR) / "kiosk" / "deploy" / "kiosk.sysusers";
    const test::CommandOutput made = test::run_command("systemd-sysusers --root=" + test::quoted(root.string()) + " " +
                                                       test::quoted(sysusers.string()));
    ASSERT_EQ(made.exit_code, 0) << made.output;
    const std::string passwd = test::read_text(root / "etc" / "passwd");
    EXPECT_TRUE(passwd.starts_with("kiosk:x:")) << passwd;
    EXPECT_NE(passwd.find(":/var/lib/kiosk:/usr/sbin/nologin\n"), std::string::npos) << passwd;
    const std::string group = test::read_text(root / "etc" / "group");
    EXPECT_NE(group.find("kiosk-usb:x:"), std::string::npos) << group;
    EXPECT_NE(group.find("\nkiosk:x:"), std::string::npos) << group;
}

}  // namespace
}  // namespace kiosk
