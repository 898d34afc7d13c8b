// `kioskctl logs`: the kiosk's recent log lines for a technician — from its JSON-lines file
// ([log] dir, kiosk/service/service_logging.hpp) or, when the kiosk logs to the journal instead,
// from `journalctl -u kiosk` (bounded in time). Filtered by level and text; every message passes
// safe_text, which masks card-number-like digit runs, although the kiosk's own log scrubber
// already keeps card data out.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <chrono>
#include <deque>
#include <fstream>
#include <sys/wait.h>

#include "common/child_process.hpp"
#include "kiosk/kioskctl/commands.hpp"
#include "kiosk/kioskctl/display_text.hpp"
#include "kiosk/service/service_logging.hpp"

namespace kiosk::kioskctl {

namespace {

using nlohmann::json;

struct LogLine {
    std::string time;
    std::string level;
    std::string message;
};

constexpr std::array<std::string_view, 7> kLevels{"trace", "debug", "info", "warning", "error", "critical", "off"};

int level_rank(std::string_view level) {
    if (level == "warn") level = "warning";
    if (level == "err") level = "error";
    for (std::size_t i = 0; i < kLevels.size(); ++i) {
        if (kLevels[i] == level) return static_cast<int>(i);
    }
    return -1;
}

// syslog PRIORITY (journal) → spdlog's level names.
std::string level_of_priority(std::string_view priority) {
    if (priority.empty()) return "info";
    switch (priority.front()) {
        case '0': case '1': case '2': return "critical";
        case '3': return "error";
        case '4': return "warning";
        case '5': case '6': return "info";
        default: return "debug";
    }
}

std::string text_field(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();
    return {};  // the journal gives non-UTF-8 messages as byte arrays: left out
}

// The last `tail_bytes` of a file, split into lines (the first, maybe cut, dropped).
std::vector<std::string> tail_lines(const std::filesystem::path& file, std::uintmax_t tail_bytes) {
    std::ifstream in(file, std::ios::binary);
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    const bool cut = !error && size > tail_bytes;
    if (cut) in.seekg(static_cast<std::streamoff>(size - tail_bytes));
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    if (cut && !lines.empty()) lines.erase(lines.begin());
    return lines;
}

Result<std::vector<LogLine>> from_file(const std::filesystem::path& file) {
    std::vector<LogLine> lines;
    for (const std::string& text : tail_lines(file, 4U << 20)) {
        const json line = json::parse(text, nullptr, false);
        if (line.is_discarded() || !line.is_object()) continue;  // a torn last line
        lines.push_back({text_field(line, "time"), text_field(line, "level"), text_field(line, "message")});
    }
    return lines;
}

Result<std::vector<LogLine>> from_journal(const std::filesystem::path& scratch, std::size_t count) {
    const std::filesystem::path output = scratch / "kioskctl-journal.json";
    auto child = ChildProcess::spawn("/usr/bin/journalctl",
                                     {"-u", "kiosk", "-o", "json", "-n", std::to_string(count * 4 + 50), "--no-pager"},
                                     output);
    if (!child) return child.error();
    const auto status = child->wait_for_exit(std::chrono::milliseconds(5000));
    if (!status) {
        child->stop(std::chrono::milliseconds(500));
        return make_error("logs", "journalctl did not finish within 5 s");
    }
    std::vector<LogLine> lines;
    for (const std::string& text : tail_lines(output, 16U << 20)) {
        const json line = json::parse(text, nullptr, false);
        if (line.is_discarded() || !line.is_object()) continue;
        std::string time = text_field(line, "__REALTIME_TIMESTAMP");
        if (!time.empty()) {
            try {
                time = iso8601_utc(std::stoll(time) / 1000);
            } catch (const std::exception&) {
            }
        }
        lines.push_back({time, level_of_priority(text_field(line, "PRIORITY")), text_field(line, "MESSAGE")});
    }
    std::error_code ignored;
    std::filesystem::remove(output, ignored);
    if (WIFEXITED(*status) && WEXITSTATUS(*status) != 0 && lines.empty()) {
        return make_error("logs", "journalctl -u kiosk failed (exit " + std::to_string(WEXITSTATUS(*status)) +
                                      "): is this user in the systemd-journal or adm group?");
    }
    return lines;
}

}  // namespace

int run_logs(const KioskConfig& config, std::size_t count, const std::string& grep, const std::string& level,
             bool as_json, Streams io) {
    const int minimum = level.empty() ? 0 : level_rank(level);
    if (minimum < 0) {
        report_error(io.err, "--level '" + safe_text(level) + "': expected trace, debug, info, warning, error or critical");
        return kExitUsage;
    }
    const std::filesystem::path file = config.log_dir() / service::kLogFileName;
    std::string source;
    Result<std::vector<LogLine>> lines = make_error("logs", "no log");
    std::error_code error;
    if (std::filesystem::exists(file, error)) {
        source = file.string();
        lines = from_file(file);
    } else if (std::filesystem::exists("/usr/bin/journalctl", error)) {
        source = "journal (journalctl -u kiosk)";
        lines = from_journal(std::filesystem::temp_directory_path(), count);
    } else {
        report_error(io.err, "no log: " + file.string() + " does not exist and there is no journalctl");
        return kExitFailure;
    }
    if (!lines) {
        report_error(io.err, lines.error().to_string());
        return kExitFailure;
    }
    std::deque<LogLine> kept;
    for (LogLine& line : *lines) {
        line.message = safe_text(line.message);  // masked before the filter sees it: a grep cannot probe for a PAN
        if (level_rank(line.level) < minimum) continue;
        if (!grep.empty() && line.message.find(grep) == std::string::npos) continue;
        kept.push_back(std::move(line));
        if (kept.size() > count) kept.pop_front();
    }
    if (as_json) {
        json out = json::array();
        for (const LogLine& line : kept) {
            out.push_back(json{{"time", line.time}, {"level", line.level}, {"message", line.message}});
        }
        io.out << json{{"source", source}, {"lines", out}}.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    } else {
        for (const LogLine& line : kept) {
            io.out << safe_text(line.time) << ' ' << safe_text(line.level) << ' ' << line.message << '\n';
        }
    }
    return kExitOk;
}

void register_logs_command(CLI::App& app, ToolContext& tool) {
    struct Options {
        std::size_t lines = 50;
        std::string grep;
        std::string level;
    };
    auto options = std::make_shared<Options>();
    CLI::App* logs = app.add_subcommand("logs", "The kiosk's recent log lines (its JSON-lines file or the journal), filtered");
    logs->add_option("--lines,-n", options->lines, "How many of the newest matching lines")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{10000}));
    logs->add_option("--grep", options->grep, "Only lines whose message contains this text");
    logs->add_option("--level", options->level, "Only lines at this level or above: debug, info, warning, error, critical");
    logs->callback([&tool, options] {
        tool.json_native = tool.json;
        tool.exit_code = with_config(tool, [&tool, options](const KioskConfig& config) {
            return run_logs(config, options->lines, options->grep, options->level, tool.json, tool.io);
        });
    });
}

}  // namespace kiosk::kioskctl
