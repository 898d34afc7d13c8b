// The kiosk's side of the bank host connection: the one seam the flow uses. Implementations: the
// in-process link to the simulated bank (sim/host/sim_bank_host.hpp) and ISO 8583 over TLS
// (host/iso8583_host_link.hpp). A link failure — unreachable, timeout, malformed or mismatched
// reply — is an Error; the caller must then assume money may have moved and reverse.
#pragma once

#include "common/result.hpp"
#include "host/host_messages.hpp"

namespace kiosk::host {

// What the bank holds for this terminal since the last cut-over: cash withdrawals approved and
// not reversed, and the reversals (ISO 8583 reconciliation, 0500/0510: "totals").
struct ReconciliationTotals {
    std::int64_t withdrawals = 0;      // approved cash withdrawals (card and cardless)
    std::int64_t withdrawn_minor = 0;  // their amounts, less what reversals gave back
    std::int64_t reversals = 0;
    std::int64_t reversed_minor = 0;   // what the reversals gave back
};

class HostLink {
public:
    virtual ~HostLink() = default;
    // A decline is a successful response carrying a non-approved code.
    virtual Result<AuthorizationResponse> authorize(const AuthorizationRequest& request) = 0;
    // Sends one 0420. Only a response with acknowledged() == true lets the caller forget it
    // (host/reversal_queue.hpp retries everything else).
    virtual Result<ReversalResponse> reverse(const ReversalRequest& request) = 0;
    // A network-management echo (ISO 8583 0800/0810): is the host there and answering? The
    // runtime probes with it while out of service for an unreachable host.
    virtual Status echo(std::uint32_t stan, std::string_view terminal_id, TimePoint now) = 0;
    // The host's totals for this terminal (the service mode's balancing: kiosk/maintenance/). A
    // link without a reconciliation message answers an error, and the balance is shown without
    // the host's side. The ISO 8583 link has none yet (docs/host.md); the simulated bank has.
    virtual Result<ReconciliationTotals> totals(std::string_view terminal_id, TimePoint now) {
        (void)terminal_id;
        (void)now;
        return make_error("host", "this host link has no reconciliation (totals) request");
    }
};

}  // namespace kiosk::host
