// The CRM's view of the customer-experience loop (issue 10, item 10): one self-contained HTML
// page from the records the simulated CRM opened — funnel and drop-off per step, time per step,
// CSAT and NPS over time, by segment and by language, complaints with their status, and the
// service-quality index per kiosk and day. Inline SVG charts and CSS only: no JavaScript, no
// external asset. Every text from a record is escaped; malformed payloads are counted and listed.
// `kiosk-sim-crm report` calls it; `kiosk-crm-report-sample` renders it from a synthetic set.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sim/crm/opened_record.hpp"

namespace kiosk::sim {

struct ReportOptions {
    std::string title = "Customer experience: what the CRM opened";
    std::int64_t generated_unix_ms = 0;                     // 0: no "generated at" line
    std::map<std::string, std::string> complaint_statuses;  // complaint reference → received / in_progress / resolved
};

std::string render_crm_report(const std::vector<OpenedCrmRecord>& records, const ReportOptions& options);

}  // namespace kiosk::sim
