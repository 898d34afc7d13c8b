// The .deb, built by cpack from this build tree (cmake/Packaging.cmake): it installs the programs,
// the unit, the udev rule, the sysusers file and the default config; /etc/kiosk/kiosk.toml is a
// conffile; the postinst creates the user; Depends has the shared libraries' packages that
// dpkg-shlibdeps found and the ones named by hand. Nothing is built here: cpack installs what the
// build made (CMAKE_SKIP_INSTALL_ALL_DEPENDENCY) into a temporary directory. Label `package`.
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/kiosk/service/command_output.hpp"
#include "tests/kiosk/service/read_text.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class PackageTest : public ::testing::Test {
protected:
    void SetUp() override {
        for (const char* tool : {"cpack", "dpkg-deb", "dpkg-shlibdeps"}) {
            if (test::run_command(std::string("command -v ") + tool).exit_code != 0) {
                GTEST_SKIP() << tool << " is not installed (scripts/debian-packages.txt: cmake, dpkg-dev)";
            }
        }
        dir_ = fs::temp_directory_path() / ("kiosk-package-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path dir_;
};

TEST_F(PackageTest, CpackBuildsADebWithTheProgramsTheUnitTheConfigAndTheUdevRule) {
    const test::CommandOutput built = test::run_command(
        "cd " + test::quoted(KIOSK_BUILD_DIR) + " && cpack -G DEB --config CPackConfig.cmake -B " +
        test::quoted(dir_.string()));
    ASSERT_EQ(built.exit_code, 0) << built.output;
    fs::path deb;
    for (const auto& entry : fs::directory_iterator(dir_)) {
        if (entry.path().extension() == ".deb") deb = entry.path();
    }
    ASSERT_FALSE(deb.empty()) << "no .deb in " << dir_ << ":\n" << built.output;
    EXPECT_TRUE(deb.filename().string().starts_with("kiosk_")) << deb;

    const test::CommandOutput listing = test::run_command("dpkg -c " + test::quoted(deb.string()));
    ASSERT_EQ(listing.exit_code, 0) << listing.output;
    for (const char* path : {"./usr/bin/kiosk\n", "./usr/bin/kioskctl\n", "./usr/lib/systemd/system/kiosk.service\n",
                             "./usr/lib/udev/rules.d/60-kiosk.rules\n", "./usr/lib/sysusers.d/kiosk.conf\n",
                             "./etc/kiosk/kiosk.toml\n", "./usr/share/doc/kiosk/deployment.md\n"}) {
        EXPECT_TRUE(contains(listing.output, path)) << path << " not in the package:\n" << listing.output;
    }
    EXPECT_TRUE(contains(listing.output, "-rwxr-xr-x root/root")) << "programs not root-owned and executable";
    EXPECT_FALSE(contains(listing.output, "kiosk-sim")) << "the simulator is not part of a terminal's package";

    const test::CommandOutput depends = test::run_command("dpkg-deb -f " + test::quoted(deb.string()) + " Depends");
    ASSERT_EQ(depends.exit_code, 0) << depends.output;
    for (const char* package : {"libc6", "libssl3", "libsqlite3-0", "libusb-1.0-0", "libsdl2-2.0-0", "libsystemd0",
                                "libcurl4", "fonts-noto-cjk", "systemd", "libespeak-ng1", "espeak-ng-data"}) {
        EXPECT_TRUE(contains(depends.output, package)) << package << " not in Depends: " << depends.output;
    }

    const fs::path control = dir_ / "control";
    const test::CommandOutput extracted =
        test::run_command("dpkg-deb -e " + test::quoted(deb.string()) + " " + test::quoted(control.string()));
    ASSERT_EQ(extracted.exit_code, 0) << extracted.output;
    EXPECT_EQ(test::read_text(control / "conffiles"), "/etc/kiosk/kiosk.toml\n");
    const std::string postinst = test::read_text(control / "postinst");
    EXPECT_TRUE(contains(postinst, "systemd-sysusers kiosk.conf")) << postinst;
    EXPECT_FALSE(contains(postinst, "systemctl enable")) << "enabling the service is the bank's step";
    for (const char* script : {"postinst", "prerm", "postrm"}) {
        const test::CommandOutput parsed = test::run_command("sh -n " + test::quoted((control / script).string()));
        EXPECT_EQ(parsed.exit_code, 0) << script << " is not valid sh: " << parsed.output;
        EXPECT_EQ(fs::status(control / script).permissions() & fs::perms::owner_exec, fs::perms::owner_exec) << script;
    }
}

}  // namespace
}  // namespace kiosk
