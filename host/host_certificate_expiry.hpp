// The bank host link's certificates judged at start-up (security/tls_expiry.hpp): the terminal's
// client certificate and the CA the host's certificate must chain to, so a technician is warned 30
// days ahead and an expired one is named instead of surfacing as an anonymous handshake failure.
// The kiosk logs the notices when it starts (kiosk/app/kiosk_app.cpp), as it does for the CRM's.
#pragma once

#include "common/clock.hpp"
#include "common/result.hpp"
#include "host/iso8583_host_link.hpp"
#include "security/tls_expiry.hpp"

namespace kiosk::host {

// Files that are not configured are skipped; an unreadable file or one without a certificate is an
// Error naming its role and path (domain "tls"). An expired certificate is a report, not an Error.
Result<security::ExpiryReport> check_host_certificate_expiry(const Iso8583LinkSettings& settings, TimePoint now,
                                                             int warning_days = 30);

}  // namespace kiosk::host
