// RoundTripHostLink (see round_trip_host_link.hpp).
#include "host/round_trip_host_link.hpp"

namespace kiosk::host {

Result<AuthorizationResponse> RoundTripHostLink::authorize(const AuthorizationRequest& request) {
    const TimePoint sent = clock_.now();
    return timed(sent, link_.authorize(request));
}

Result<ReversalResponse> RoundTripHostLink::reverse(const ReversalRequest& request) {
    const TimePoint sent = clock_.now();
    return timed(sent, link_.reverse(request));
}

Status RoundTripHostLink::echo(std::uint32_t stan, std::string_view terminal_id, TimePoint now) {
    const TimePoint sent = clock_.now();
    return timed(sent, link_.echo(stan, terminal_id, now));
}

Result<ReconciliationTotals> RoundTripHostLink::totals(std::uint32_t stan, std::string_view terminal_id, TimePoint now) {
    const TimePoint sent = clock_.now();
    Result<ReconciliationTotals> answer = link_.totals(stan, terminal_id, now);
    // A link without a totals message did not go to the host: it says nothing about reachability.
    if (answer.ok()) log_.answered(sent, clock_.now());
    return answer;
}

}  // namespace kiosk::host
