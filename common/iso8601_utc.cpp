#include "common/iso8601_utc.hpp"

#include <chrono>
#include <iomanip>
#include <sstream>

namespace kiosk {

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

}  // namespace kiosk
