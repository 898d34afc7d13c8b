// Runs a shell command for a test and keeps what it printed (stdout and stderr together) and its
// exit status: the packaging tests drive systemd-analyze, cpack and dpkg this way.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace kiosk::test {

struct CommandOutput {
    int exit_code = -1;  // -1: did not run or was killed
    std::string output;
};

inline CommandOutput run_command(const std::string& command) {
    CommandOutput result;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (pipe == nullptr) return result;
    char buffer[4096];
    for (std::size_t read = 0; (read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) result.output.append(buffer, read);
    const int status = ::pclose(pipe);
    if (status != -1 && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    return result;
}

// A path for the shell, in single quotes.
inline std::string quoted(const std::string& text) {
    std::string out = "'";
    for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

}  // namespace kiosk::test
