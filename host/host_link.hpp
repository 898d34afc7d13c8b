// The kiosk's side of the bank host connection: the one seam the flow uses. Implementations: the
// in-process link to the simulated bank (sim/host/sim_bank_host.hpp) and ISO 8583 over TLS
// (host/iso8583_host_link.hpp). A link failure — unreachable, timeout, malformed or mismatched
// reply — is an Error; the caller must then assume money may have moved and reverse.
#pragma once

#include "common/result.hpp"
#include "host/host_messages.hpp"

namespace kiosk::host {

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
    // The host's totals for this terminal (the service mode's balancing: kiosk/maintenance/), asked
    // under its own STAN: ISO 8583 0500/0510 over the ISO 8583 link, SimBank::totals in process. A
    // link without a reconciliation message answers an error, and the balance is shown without
    // the host's side.
    virtual Result<ReconciliationTotals> totals(std::uint32_t stan, std::string_view terminal_id, TimePoint now) {
        (void)stan;
        (void)terminal_id;
        (void)now;
        return make_error("host", "this host link has no reconciliation (totals) request");
    }
};

}  // namespace kiosk::host
