// What the simulated CRM can be told to do wrong, named (after PX4's failure modes), and the
// names the control endpoint and the docs use for them.
#pragma once

#include <string_view>

#include "common/result.hpp"

namespace kiosk::sim {

// What the next request(s) to an endpoint meet instead of normal processing.
enum class CrmFault {
    Refuse,           // the request is read, then the connection is closed: no byte of answer
    Stall,            // no answer until the client gives up (or the server stops); nothing stored
    ServerError,      // 500 before the batch is read: nothing is stored
    Unavailable,      // 503 with Retry-After (set_retry_after): nothing is stored
    Throttled,        // 429 with Retry-After (set_retry_after): nothing is stored
    PartialBatch,     // only the first half (rounded down) of the records is stored and answered
    ResetMidAnswer,   // batch stored, the connection is cut half-way through the answer body
    MalformedAnswer,  // batch stored, answer body is not JSON (as if corrupted on the way back)
    LostAnswer,       // batch stored, then 500: the client cannot know it was delivered
};

// The endpoint a fault is meant for. On profiles, PartialBatch and LostAnswer (which only mean
// something for a batch) answer like ServerError.
enum class CrmEndpoint { Records, Profiles };

// "refuse", "stall", "server_error", "unavailable", "throttled", "partial_batch",
// "reset_mid_answer", "malformed_answer", "lost_answer".
[[nodiscard]] std::string_view fault_name(CrmFault fault);
Result<CrmFault> parse_fault(std::string_view name);

// "records", "profiles".
[[nodiscard]] std::string_view endpoint_name(CrmEndpoint endpoint);
Result<CrmEndpoint> parse_endpoint(std::string_view name);

}  // namespace kiosk::sim
