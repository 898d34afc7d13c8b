// How a customer's visit ended, as the journey record and the counters name it.
#pragma once

#include <string_view>

#include "kiosk/flow/flow_types.hpp"

namespace kiosk::flow {

enum class SessionOutcome { Completed, Cancelled, TimedOut, Failed, CardRetained };

// The outcome of the visit that ends in this context (on entering ThankYou or CardRetained): a
// retained card whatever the reason; no reason is a completed visit; a cancel or a timeout is
// told apart from every other failure.
SessionOutcome outcome_of(const Context& context);

// "completed", "cancelled", "timed_out", "failed", "card_retained": the recorded strings
// (journey records, `sessions.<outcome>` counters, journal lines).
std::string_view to_string(SessionOutcome outcome);

}  // namespace kiosk::flow
