// Start-up checks of the uploader's TLS settings, before any connection: the pins parse (and a
// backup pin exists), the client certificate has its key, and no certificate is expired or about
// to be (security/tls_expiry.hpp). The uploader refuses to send while a check fails and shows the
// warnings on the technician's screen (UploaderStatus::tls_notices).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "crm/https_client.hpp"
#include "security/tls_expiry.hpp"
#include "security/tls_pin.hpp"

namespace kiosk::crm {

struct TlsReadiness {
    security::PinSet pins;
    security::ExpiryReport certificates;  // client certificate and CA, read once at start-up

    // Warnings and refusals as of `now`, worst first (empty = all well).
    [[nodiscard]] std::vector<std::string> notices(TimePoint now) const;
    // Set when the uploader must not connect as of `now` (an expired or not-yet-valid certificate).
    [[nodiscard]] std::optional<std::string> refusal(TimePoint now) const;
};

// Fails (domain "tls") on a malformed pin, a client certificate without a key (or the reverse)
// and an unreadable certificate file, naming the setting or file.
Result<TlsReadiness> check_tls_readiness(const TlsSettings& tls, TimePoint now, int warning_days);

}  // namespace kiosk::crm
