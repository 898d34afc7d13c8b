#include "kiosk/service/json_lines_formatter.hpp"

#include <nlohmann/json.hpp>

#include <chrono>

#include "common/iso8601_utc.hpp"

namespace kiosk::service {

void JsonLinesFormatter::format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) {
    const spdlog::string_view_t level = spdlog::level::to_string_view(msg.level);
    nlohmann::ordered_json line;
    line["time"] = iso8601_utc(std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch()).count());
    line["level"] = std::string(level.data(), level.size());
    if (msg.logger_name.size() > 0) line["logger"] = std::string(msg.logger_name.data(), msg.logger_name.size());
    line["thread"] = msg.thread_id;
    line["message"] = std::string(msg.payload.data(), msg.payload.size());
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    dest.append(text.data(), text.data() + text.size());
}

std::unique_ptr<spdlog::formatter> JsonLinesFormatter::clone() const { return std::make_unique<JsonLinesFormatter>(); }

}  // namespace kiosk::service
