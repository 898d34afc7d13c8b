// The JSON bodies of the simulated CRM's control endpoints under /v1/sim/ — written by
// SimCrmControlClient, read by SimCrmServer (and the other way round for stats and the log).
//   POST   /v1/sim/faults                 {"fault":"stall","times":2,"endpoint":"records","retry_after":"7"}
//   DELETE /v1/sim/faults                 every queued fault dropped
//   PUT    /v1/sim/profiles/<pan_token>   the profile JSON of docs/cx-records.md
//   PUT    /v1/sim/complaints/<reference> {"status":"in_progress"}
//   GET    /v1/sim/stats                  SimCrmStats
//   GET    /v1/sim/requests               the request log
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "kiosk/runtime/customer_profiles.hpp"
#include "sim/crm/crm_fault.hpp"
#include "sim/crm/crm_store.hpp"

namespace kiosk::sim {

struct FaultRequest {
    CrmFault fault = CrmFault::ServerError;
    int times = 1;  // 1 … max_fault_times
    CrmEndpoint endpoint = CrmEndpoint::Records;
    std::string retry_after;  // of Unavailable/Throttled answers from now on; empty = unchanged

    friend bool operator==(const FaultRequest&, const FaultRequest&) = default;
};
inline constexpr int max_fault_times = 10'000;

struct SimCrmStats {
    std::size_t records_held = 0;
    std::size_t records_opened = 0;
    std::size_t complaints = 0;
    // HTTP status → requests answered with it since the database was made; 0 = no HTTP answer.
    std::map<int, std::size_t> record_requests_by_status;
    std::map<int, std::size_t> profile_requests_by_status;

    friend bool operator==(const SimCrmStats&, const SimCrmStats&) = default;
};

// Every decoder is strict (missing or mistyped fields, unknown names are an Error of domain
// "sim-crm" naming the field); unknown extra fields are tolerated.
[[nodiscard]] std::string encode_fault_request(const FaultRequest& request);
Result<FaultRequest> decode_fault_request(std::string_view json);

[[nodiscard]] std::string encode_complaint_update(ComplaintState state);
Result<ComplaintState> decode_complaint_update(std::string_view json);

[[nodiscard]] std::string encode_stats(const SimCrmStats& stats);
Result<SimCrmStats> decode_stats(std::string_view json);

[[nodiscard]] std::string encode_request_log(const std::vector<RequestLogEntry>& log);
Result<std::vector<RequestLogEntry>> decode_request_log(std::string_view json);

// {"error":"…"}: what a refused control request answers.
[[nodiscard]] std::string encode_error(std::string_view message);

}  // namespace kiosk::sim
