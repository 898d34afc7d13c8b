// The service-quality index of one kiosk and day (issue 10, item 7), computed from that day's
// CX statistics rows (store/cx_stats.hpp: journey, survey and complaint summaries) and its
// availability. A pure function: the kiosk computes its daily record and `kioskctl cx` with it,
// and the CRM's report computes the index of a day with no record from the journeys it holds.
// Definitions (docs/cx-records.md § service_quality):
//   sessions            journey rows of the day
//   completion_rate     journeys with outcome "completed" / sessions
//   task time           total_ms of completed journeys: median (middle value, or the mean of the
//                       two middle values rounded down to the ms) and p95 by nearest rank
//                       (the ⌈0.95·n⌉-th smallest; with fewer than 20 samples that is the largest)
//   error_rate          sessions with error_count > 0 / sessions
//   timeout_rate        sessions with timeout_count > 0 / sessions
//   abandonment         per screen, journeys whose abandoned_at names it
//   csat_mean           mean csat (1–5) of answered surveys; csat_responses how many
//   response_rate       surveys with status "answered" / surveys shown (survey rows)
//   nps                 % of nps answers 9–10 minus % 0–6 (−100…+100); nps_responses how many
//   complaints_per_1000 complaint rows × 1000 / sessions
//   availability        in-service ms / (in + out of service ms) while the kiosk program ran
// A rate with a zero denominator is nullopt (null in JSON), never 0. Rows of another day, of
// another kind, or malformed (not a JSON object, a field of the wrong type or out of range) are
// left out; malformed ones are counted.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.hpp"
#include "store/cx_stats.hpp"

namespace kiosk {

struct ServiceQuality {
    std::string day;
    std::int64_t sessions = 0;
    std::int64_t tasks_completed = 0;
    std::optional<double> completion_rate;
    std::optional<std::int64_t> task_time_median_ms;
    std::optional<std::int64_t> task_time_p95_ms;
    std::optional<double> error_rate;
    std::optional<double> timeout_rate;
    std::map<std::string, std::int64_t> abandonment;  // screen → journeys abandoned there
    std::optional<double> csat_mean;
    std::int64_t csat_responses = 0;
    std::int64_t surveys_shown = 0;
    std::optional<double> response_rate;
    std::optional<double> nps;
    std::int64_t nps_responses = 0;
    std::int64_t complaints = 0;
    std::optional<double> complaints_per_1000;
    std::optional<double> availability;
    std::int64_t malformed_rows = 0;  // not part of the record: what was left out as unreadable
};

ServiceQuality compute_service_quality(std::string_view day, const std::vector<store::CxStat>& rows,
                                       const std::optional<store::DayAvailability>& availability);

// The nearest-rank percentile (0 < percent ≤ 100) of `samples`; nullopt when there are none.
std::optional<std::int64_t> nearest_rank_percentile(std::vector<std::int64_t> samples, double percent);
// The median as defined above; nullopt when there are no samples.
std::optional<std::int64_t> median_of(std::vector<std::int64_t> samples);

// The `service_quality` payload (docs/cx-records.md): rates rounded to 4 decimals, the CSAT mean to
// 2, NPS and complaints per 1,000 to 1; nullopt → null.
nlohmann::json to_json(const ServiceQuality& quality);
// A `service_quality` payload read back (the CRM's report). Every field of the contract must be
// there with its type (null where it may be); an error names the first one that is not.
Result<ServiceQuality> service_quality_from_json(const nlohmann::json& payload);

}  // namespace kiosk
