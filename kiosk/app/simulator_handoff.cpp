#include "kiosk/app/simulator_handoff.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>

namespace kiosk {

namespace {

constexpr const char* simulator_program = "kiosk-sim";

}  // namespace

bool wants_simulator(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::string_view(argv[i]) == "--sim") return true;
    }
    return false;
}

int exec_simulator(char** argv) {
    std::error_code error;
    // The program's own file, not argv[0], which may be a bare name found on PATH or a symlink.
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error) {
        std::cerr << "kiosk: --sim: cannot find this program's directory (/proc/self/exe: " << error.message() << ")\n";
        return 1;
    }
    const std::filesystem::path simulator = self.parent_path() / simulator_program;
    if (::access(simulator.c_str(), X_OK) != 0) {
        std::cerr << "kiosk: --sim needs " << simulator.string() << " (" << std::strerror(errno)
                  << "); build it with `cmake --build build --target kiosk-sim`\n";
        return 1;
    }
    std::string program = simulator.string();
    argv[0] = program.data();
    ::execv(program.c_str(), argv);
    std::cerr << "kiosk: --sim: cannot run " << program << ": " << std::strerror(errno) << "\n";
    return 1;
}

}  // namespace kiosk
