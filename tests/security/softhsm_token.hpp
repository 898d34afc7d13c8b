// A throwaway SoftHSM2 token for the PKCS#11 tests: a temporary directory with its own
// softhsm2.conf (SOFTHSM2_CONF points at it) and a token initialised with softhsm2-util. When
// SoftHSM2 is not installed the fixture FAILS, saying how to install it: a keystore backend that
// silently goes untested is worse than a red test.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "tests/store/temp_directory.hpp"

namespace kiosk::security::test {

// Debian's path for the SoftHSM2 module (package softhsm2).
inline const std::filesystem::path kSoftHsmModule = "/usr/lib/softhsm/libsofthsm2.so";
inline constexpr const char* kTokenLabel = "kiosk-test";
inline constexpr const char* kUserPin = "123456";
inline constexpr const char* kSoPin = "654321";

class SoftHsmToken {
public:
    // Returns "" when the token is ready, else why not (the caller FAILs with it).
    std::string init() {
        if (!std::filesystem::exists(kSoftHsmModule) || std::system("command -v softhsm2-util >/dev/null 2>&1") != 0) {
            return "SoftHSM2 is not installed (" + kSoftHsmModule.string() +
                   " or softhsm2-util missing): run `sudo apt-get install softhsm2` (make test installs it)";
        }
        const std::filesystem::path tokens = std::filesystem::path(directory_.file("tokens"));
        std::filesystem::create_directories(tokens);
        config_ = directory_.file("softhsm2.conf");
        std::ofstream(config_) << "directories.tokendir = " << tokens.string()
                               << "\nobjectstore.backend = file\nlog.level = ERROR\n";
        ::setenv("SOFTHSM2_CONF", config_.c_str(), 1);
        const std::string command = std::string("softhsm2-util --init-token --free --label ") + kTokenLabel +
                                    " --pin " + kUserPin + " --so-pin " + kSoPin + " >/dev/null 2>&1";
        if (std::system(command.c_str()) != 0) return "softhsm2-util --init-token failed (SOFTHSM2_CONF=" + config_ + ")";
        return "";
    }

    [[nodiscard]] std::string file(const std::string& name) const { return directory_.file(name); }

private:
    store::test::TempDirectory directory_;
    std::string config_;
};

}  // namespace kiosk::security::test
