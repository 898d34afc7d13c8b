// A realistic synthetic set of opened CRM records (journeys, transactions, surveys, complaints,
// service_quality) for the report's sample, its tests and demos: `days` days from `first_day_unix_ms`,
// two kiosks (KIOSK-0042 sends daily service_quality records, KIOSK-0107 does not), both languages,
// four segments, and a few deliberately malformed payloads. Deterministic for a seed.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sim/crm/opened_record.hpp"

namespace kiosk::sim {

struct SyntheticCrmSet {
    std::vector<OpenedCrmRecord> records;
    std::map<std::string, std::string> complaint_statuses;  // as the CRM would hold them
};

SyntheticCrmSet make_synthetic_crm_records(std::uint64_t seed, std::int64_t first_day_unix_ms, int days = 7,
                                           int sessions_per_kiosk_day = 20);

}  // namespace kiosk::sim
