// The kiosk's own customer-experience statistics: a card-data-free summary of each journey,
// transaction, survey and complaint it recorded, and how long it was in and out of service per day.
// The records themselves are sealed to the CRM and cannot be read back by the kiosk, so the daily
// service-quality index (kiosk/cx/service_quality.hpp) is computed from these rows instead.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace kiosk::store {

class Database;

// One record's summary. `day` is the record's UTC day ("2026-01-05"), `kind` its record kind
// ("journey", "survey", …), `summary_json` its payload without identifying fields
// (kiosk/cx/cx_stat.hpp makes it).
struct CxStat {
    std::string day;
    std::string kind;
    std::string summary_json;
};

// Time to add to a day's service availability.
struct AvailabilityDelta {
    std::string day;
    std::int64_t in_service_ms = 0;
    std::int64_t out_of_service_ms = 0;
};

struct DayAvailability {
    std::int64_t in_service_ms = 0;
    std::int64_t out_of_service_ms = 0;
};

class CxStats {
public:
    explicit CxStats(Database& database) : database_(database) {}

    Status add(const CxStat& stat);
    // Adds to the day's totals (creating its row at the first delta).
    Status add_availability(const AvailabilityDelta& delta);

    // The day's rows, in the order they were added.
    Result<std::vector<CxStat>> of_day(std::string_view day);
    // nullopt: nothing was recorded for that day.
    Result<std::optional<DayAvailability>> availability_of(std::string_view day);

private:
    Database& database_;
};

}  // namespace kiosk::store
