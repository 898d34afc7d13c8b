// A HostLink that times every request it passes on to the real link (ISO 8583 over TLS, or the
// simulated bank) and keeps the last round trip: on the host worker, where the request runs. The
// service mode's Network page reads it ("reachable, 23 ms at 14:02:11").
#pragma once

#include "common/clock.hpp"
#include "common/round_trip.hpp"
#include "host/host_link.hpp"

namespace kiosk::host {

class RoundTripHostLink final : public HostLink {
public:
    RoundTripHostLink(HostLink& link, const Clock& clock) : link_(link), clock_(clock) {}

    Result<AuthorizationResponse> authorize(const AuthorizationRequest& request) override;
    Result<ReversalResponse> reverse(const ReversalRequest& request) override;
    Status echo(std::uint32_t stan, std::string_view terminal_id, TimePoint now) override;
    Result<ReconciliationTotals> totals(std::uint32_t stan, std::string_view terminal_id, TimePoint now) override;

    // Thread-safe: the last request's round trip, nullopt before the first.
    [[nodiscard]] std::optional<RoundTrip> last_round_trip() const { return log_.last(); }

private:
    template <typename T>
    T timed(TimePoint sent, T answer) {
        if (answer.ok()) {
            log_.answered(sent, clock_.now());
        } else {
            log_.failed(sent, clock_.now(), answer.error().to_string());
        }
        return answer;
    }

    HostLink& link_;
    const Clock& clock_;
    RoundTripLog log_;
};

}  // namespace kiosk::host
