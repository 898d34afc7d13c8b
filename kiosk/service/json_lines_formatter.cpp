#include "kiosk/service/json_lines_formatter.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace kiosk::service {

namespace {

std::string utc_time(spdlog::log_clock::time_point when) {
    const auto since_epoch = std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch());
    const std::time_t seconds = static_cast<std::time_t>(since_epoch.count() / 1000);
    const int millis = static_cast<int>(since_epoch.count() % 1000);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1,
                  parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, millis);
    return text;
}

}  // namespace

void JsonLinesFormatter::format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) {
    const spdlog::string_view_t level = spdlog::level::to_string_view(msg.level);
    nlohmann::ordered_json line;
    line["time"] = utc_time(msg.time);
    line["level"] = std::string(level.data(), level.size());
    if (msg.logger_name.size() > 0) line["logger"] = std::string(msg.logger_name.data(), msg.logger_name.size());
    line["thread"] = msg.thread_id;
    line["message"] = std::string(msg.payload.data(), msg.payload.size());
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    dest.append(text.data(), text.data() + text.size());
}

std::unique_ptr<spdlog::formatter> JsonLinesFormatter::clone() const { return std::make_unique<JsonLinesFormatter>(); }

}  // namespace kiosk::service
