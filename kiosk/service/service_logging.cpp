#include "kiosk/service/service_logging.hpp"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/sinks/systemd_sink.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "kiosk/service/card_data_scrubbing_sink.hpp"
#include "kiosk/service/json_lines_formatter.hpp"

namespace kiosk::service {

bool stderr_is_journal() {
    const char* stream = std::getenv("JOURNAL_STREAM");
    if (stream == nullptr) return false;
    unsigned long long device = 0;
    unsigned long long inode = 0;
    if (std::sscanf(stream, "%llu:%llu", &device, &inode) != 2) return false;
    struct stat err {};
    if (::fstat(2, &err) != 0) return false;
    return static_cast<unsigned long long>(err.st_dev) == device && static_cast<unsigned long long>(err.st_ino) == inode;
}

std::string install_service_logging(const KioskConfig& config) {
    std::vector<spdlog::sink_ptr> sinks;
    std::string description;
    if (stderr_is_journal()) {
        // The journal stamps time, host and unit itself: the message alone, with its priority.
        sinks.push_back(std::make_shared<spdlog::sinks::systemd_sink_mt>("kiosk", false));
        description = "journal";
    } else {
        const std::filesystem::path dir = config.log_dir();
        std::error_code error;
        std::filesystem::create_directories(dir, error);
        if (error) throw std::runtime_error("log.dir " + dir.string() + ": cannot create it: " + error.message());
        const std::filesystem::path file = dir / kLogFileName;
        const auto max_bytes = static_cast<std::size_t>(config.log.max_file_mb) * 1024 * 1024;
        const auto max_files = static_cast<std::size_t>(config.log.max_files);
        std::shared_ptr<spdlog::sinks::rotating_file_sink_mt> rotating;
        try {
            rotating = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(file.string(), max_bytes, max_files);
        } catch (const spdlog::spdlog_ex& failed) {
            throw std::runtime_error("log.dir " + dir.string() + ": cannot write " + kLogFileName + ": " + failed.what());
        }
        rotating->set_formatter(std::make_unique<JsonLinesFormatter>());
        sinks.push_back(std::make_shared<spdlog::sinks::stdout_color_sink_mt>());
        sinks.push_back(std::move(rotating));
        description = "console and " + file.string() + " (" + std::to_string(config.log.max_file_mb) + " MiB x " +
                      std::to_string(config.log.max_files) + ")";
    }
    auto logger = std::make_shared<spdlog::logger>(
        "", std::make_shared<CardDataScrubbingSink>(std::move(sinks)));
    // A kiosk that dies must leave its last lines behind: every line at info and above is flushed.
    logger->flush_on(spdlog::level::info);
    spdlog::set_default_logger(std::move(logger));
    return description;
}

}  // namespace kiosk::service
