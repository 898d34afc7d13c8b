// Config loading and database opening shared by the kioskctl commands (see tool_context.hpp).
#include "kiosk/kioskctl/tool_context.hpp"

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

#include <unistd.h>

namespace kiosk::kioskctl {

void report_error(std::ostream& err, std::string_view message) { err << "kioskctl: " << message << '\n'; }

int with_config(const ToolContext& tool, const std::function<int(const KioskConfig&)>& command) {
    KioskConfig config;
    try {
        config = load_config(tool.config_path);
    } catch (const ConfigError& error) {
        report_error(tool.io.err, error.what());  // names the file, and the key when one is wrong
        return kExitFailure;
    }
    return command(config);
}

Result<store::Database> open_existing_database(const std::filesystem::path& path) {
    const std::string name = path.string();
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (!std::filesystem::exists(status)) {
        return make_error("database", name + " not found (check kiosk.data_dir in the config)");
    }
    if (!std::filesystem::is_regular_file(status)) return make_error("database", name + " is not a regular file");
    // A WAL reader still writes the -shm index, so read-only access would fail later and obscurely.
    if (::access(path.c_str(), R_OK | W_OK) != 0) {
        const int code = errno;
        return make_error("database", name + " is not readable and writable: " + std::strerror(code), code);
    }
    auto database = store::Database::open(name);
    if (!database) return make_error("database", name + ": " + database.error().to_string());
    return database;
}

namespace {

// Terminal echo off for as long as it lives (only when standard input is a terminal).
class EchoOff {
public:
    EchoOff() {
        if (::isatty(STDIN_FILENO) == 0 || ::tcgetattr(STDIN_FILENO, &saved_) != 0) return;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        active_ = ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0;
    }
    ~EchoOff() {
        if (active_) (void)::tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    termios saved_{};
    bool active_ = false;
};

}  // namespace

Result<std::string> read_secret(std::istream& in, std::ostream& prompt_to, std::string_view what) {
    const bool terminal = &in == &std::cin && ::isatty(STDIN_FILENO) != 0;
    if (terminal) prompt_to << what << ": " << std::flush;
    std::string line;
    {
        const EchoOff quiet;
        if (!std::getline(in, line)) return make_error("kioskctl", std::string(what) + ": no input (one line on standard input)");
    }
    if (terminal) prompt_to << '\n';
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) return make_error("kioskctl", std::string(what) + ": empty");
    return line;
}

}  // namespace kiosk::kioskctl
