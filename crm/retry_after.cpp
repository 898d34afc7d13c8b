// Retry-After parsing: delay-seconds and the IMF-fixdate form of HTTP-date (the only form a
// server may generate; the obsolete forms are not worth the code on a kiosk).
#include "crm/retry_after.hpp"

#include <array>
#include <charconv>
#include <chrono>
#include <string>

namespace kiosk::crm {
namespace {

std::optional<int> parse_number(std::string_view text) {
    if (text.empty()) return std::nullopt;
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// "Sun, 06 Nov 1994 08:49:37 GMT"
std::optional<TimePoint> parse_imf_fixdate(std::string_view text) {
    constexpr std::size_t length = 29;
    if (text.size() != length || text.substr(3, 2) != ", " || text[7] != ' ' || text[11] != ' ' ||
        text[16] != ' ' || text[19] != ':' || text[22] != ':' || text.substr(25) != " GMT") {
        return std::nullopt;
    }
    static constexpr std::array<std::string_view, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    unsigned month = 0;
    for (unsigned i = 0; i < months.size(); ++i) {
        if (text.substr(8, 3) == months[i]) month = i + 1;
    }
    const auto day = parse_number(text.substr(5, 2));
    const auto year = parse_number(text.substr(12, 4));
    const auto hour = parse_number(text.substr(17, 2));
    const auto minute = parse_number(text.substr(20, 2));
    const auto second = parse_number(text.substr(23, 2));
    if (month == 0 || !day || !year || !hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 60) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date{std::chrono::year{*year}, std::chrono::month{month},
                                           std::chrono::day{static_cast<unsigned>(*day)}};
    if (!date.ok()) return std::nullopt;
    const auto midnight = std::chrono::sys_days{date};
    return std::chrono::time_point_cast<Millis>(midnight) + std::chrono::hours{*hour} +
           std::chrono::minutes{*minute} + std::chrono::seconds{*second};
}

}  // namespace

std::optional<Millis> parse_retry_after(std::string_view value, TimePoint now) {
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    if (const auto seconds = parse_number(value)) {
        if (*seconds < 0) return std::nullopt;
        return std::chrono::duration_cast<Millis>(std::chrono::seconds{*seconds});
    }
    if (const auto when = parse_imf_fixdate(value)) {
        return *when > now ? *when - now : Millis{0};
    }
    return std::nullopt;
}

}  // namespace kiosk::crm
