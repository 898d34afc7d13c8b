// Config loading and database opening shared by the kioskctl commands (see tool_context.hpp).
#include "kiosk/kioskctl/tool_context.hpp"

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

}  // namespace kiosk::kioskctl
