// What the CRM report shows, gathered from the records the simulated CRM opened: the funnel and
// time per step from journeys, satisfaction per day, segment and language from surveys, the
// complaints, and the service-quality index per kiosk and day. Payloads are checked against
// docs/cx-records.md; one that is not JSON or has a field of the wrong type is listed as
// malformed and left out of everything else, never a crash.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/cx/service_quality.hpp"
#include "sim/crm/opened_record.hpp"

namespace kiosk::sim {

struct MalformedRecord {
    std::string record_id;
    std::string kind;
    std::string kiosk_id;
    std::string reason;
};

// One screen of the funnel: how many journeys showed it, how many were abandoned on it.
struct FunnelStep {
    std::string screen;
    std::int64_t reached = 0;
    std::int64_t abandoned = 0;
    double mean_position = 0;  // where in the journey it usually comes (orders screens reached as often)
};

struct StepTime {
    std::string screen;
    std::int64_t samples = 0;
    std::int64_t median_ms = 0;
    std::int64_t p95_ms = 0;
};

// Satisfaction of a group of surveys (a day, a segment, a language).
struct Satisfaction {
    std::string group;
    std::int64_t shown = 0;
    std::optional<double> response_rate;
    std::optional<double> csat_mean;
    std::int64_t csat_responses = 0;
    std::optional<double> nps;
    std::int64_t nps_responses = 0;
};

struct ComplaintRow {
    std::string reference;
    std::string kiosk_id;
    std::string day;
    std::string category;
    std::string language;
    std::string status;  // from the report's options; "" when the CRM has none for it
    std::string amount;  // "500.00 CNY", or ""
    bool offered_after_failure = false;
    std::string detail;
};

struct KioskDayQuality {
    std::string kiosk_id;
    std::string day;
    bool from_record = false;  // a service_quality record, or computed here from the journeys
    ServiceQuality quality;
};

struct ReportData {
    std::size_t records = 0;
    std::map<std::string, std::int64_t> by_kind;
    std::vector<std::string> kiosks;
    std::vector<std::string> days;  // every UTC day a record was created, oldest first
    std::int64_t journeys = 0;
    std::vector<FunnelStep> funnel;   // most reached first, then in journey order
    std::vector<StepTime> step_times; // in the funnel's order
    std::vector<Satisfaction> by_day, by_segment, by_language;
    std::vector<ComplaintRow> complaints;
    std::map<std::string, std::int64_t> complaints_by_status;
    std::vector<KioskDayQuality> quality;  // by kiosk, then day
    std::vector<MalformedRecord> malformed;
};

// `complaint_statuses`: reference → status ("received", "in_progress", "resolved").
ReportData gather_report_data(const std::vector<OpenedCrmRecord>& records,
                              const std::map<std::string, std::string>& complaint_statuses);

}  // namespace kiosk::sim
