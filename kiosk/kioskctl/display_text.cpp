// Times, ages and safe text for kioskctl's output (see display_text.hpp).
#include "kiosk/kioskctl/display_text.hpp"

#include <cstdio>
#include <iomanip>
#include <sstream>

#include "kiosk/service/card_data_scrubber.hpp"

namespace kiosk::kioskctl {
namespace {

std::string escape_controls(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20U || byte == 0x7FU) {
            char escaped[5];
            std::snprintf(escaped, sizeof escaped, "\\x%02X", static_cast<unsigned>(byte));
            out += escaped;
        } else {
            out.push_back(c);  // bytes >= 0x80 pass: UTF-8 text (a Chinese outcome) stays readable
        }
    }
    return out;
}

}  // namespace

std::string format_age(std::int64_t age_ms) {
    if (age_ms < 0) return format_age(-age_ms) + " in the future (was the clock changed?)";
    std::int64_t seconds = age_ms / 1000;
    const std::int64_t day_count = seconds / 86'400;
    seconds %= 86'400;
    const std::int64_t hours = seconds / 3600;
    seconds %= 3600;
    const std::int64_t minutes = seconds / 60;
    seconds %= 60;

    std::ostringstream out;
    out << std::setfill('0');
    if (day_count > 0) {
        out << day_count << "d " << std::setw(2) << hours << "h " << std::setw(2) << minutes << "m " << std::setw(2)
            << seconds << 's';
    } else if (hours > 0) {
        out << hours << "h " << std::setw(2) << minutes << "m " << std::setw(2) << seconds << 's';
    } else if (minutes > 0) {
        out << minutes << "m " << std::setw(2) << seconds << 's';
    } else {
        out << seconds << 's';
    }
    return out.str();
}

std::string safe_text(std::string_view text) { return escape_controls(service::scrub_card_data(text)); }

}  // namespace kiosk::kioskctl
