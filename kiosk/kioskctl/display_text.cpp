// Times, ages and safe text for kioskctl's output (see display_text.hpp).
#include "kiosk/kioskctl/display_text.hpp"

#include <chrono>
#include <cstdio>
#include <iomanip>
#include <sstream>

#include "drivers/card/luhn.hpp"
#include "security/pan.hpp"

namespace kiosk::kioskctl {
namespace {

// ISO/IEC 7812 PANs are 8–19 digits, but card numbers actually issued are 13–19; shorter runs are
// amounts, counts and ids, which must stay readable.
constexpr std::size_t kShortestPan = 13;
constexpr std::size_t kLongestPan = 19;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

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

std::string mask_card_numbers(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_digit(text[i])) {
            out.push_back(text[i++]);
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && is_digit(text[end])) ++end;
        const std::string_view run = text.substr(i, end - i);
        const bool looks_like_pan = run.size() >= kShortestPan && run.size() <= kLongestPan && drivers::luhn_valid(run);
        out += looks_like_pan ? security::mask_pan(run) : std::string(run);
        i = end;
    }
    return out;
}

}  // namespace

std::string iso8601_utc(std::int64_t unix_ms) {
    using namespace std::chrono;
    const sys_time<milliseconds> time{milliseconds{unix_ms}};
    const auto day = floor<days>(time);
    const year_month_day date{day};
    const hh_mm_ss clock_time{time - day};
    std::ostringstream out;
    out << std::setfill('0') << std::setw(4) << static_cast<int>(date.year()) << '-' << std::setw(2)
        << static_cast<unsigned>(date.month()) << '-' << std::setw(2) << static_cast<unsigned>(date.day()) << 'T'
        << std::setw(2) << clock_time.hours().count() << ':' << std::setw(2) << clock_time.minutes().count() << ':'
        << std::setw(2) << clock_time.seconds().count() << '.' << std::setw(3) << clock_time.subseconds().count()
        << 'Z';
    return out.str();
}

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

std::string safe_text(std::string_view text) { return escape_controls(mask_card_numbers(text)); }

}  // namespace kiosk::kioskctl
