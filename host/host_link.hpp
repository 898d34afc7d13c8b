// The kiosk's side of the bank host connection. The runtime sends an authorization request and
// gets a response or a link error (unreachable, timeout, malformed reply). Implementations: the
// in-process link to the simulated host (sim/host) now; ISO 8583 over TLS in the flows issue.
#pragma once

#include "common/result.hpp"
#include "host/host_messages.hpp"

namespace kiosk::host {

class HostLink {
public:
    virtual ~HostLink() = default;
    // A link failure (no answer, bad answer) is an Error; a decline is a successful response
    // carrying a non-approved code.
    virtual Result<AuthorizationResponse> authorize(const AuthorizationRequest& request) = 0;
};

}  // namespace kiosk::host
