// Certificate expiry at start-up: reads each configured certificate file (the terminal's client
// certificate, the CA, a pinned server certificate) and reports the days left, so technicians
// are warned `warning_days` (default 30) ahead and an expired certificate is refused with words
// instead of surfacing later as an anonymous handshake failure.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"

namespace kiosk::security {

enum class ExpiryState {
    Valid,         // more than warning_days left
    ExpiringSoon,  // warning: at most warning_days left — order the replacement now
    Expired,       // refuse: not_after is in the past
    NotYetValid,   // refuse: not_before is in the future (or the terminal's clock is wrong)
};

const char* to_string(ExpiryState state);

struct CertificateToCheck {
    std::string role;             // "CRM client certificate", "CRM CA", … — shown to the technician
    std::filesystem::path file;   // PEM; every certificate in it is checked (a CA bundle)
};

struct CertificateExpiry {
    std::string role;
    std::filesystem::path file;
    std::string subject;        // one-line distinguished name, e.g. "O=…, CN=kiosk-0001"
    TimePoint not_before;
    TimePoint not_after;
    std::int64_t days_left = 0;  // whole days until not_after (negative once expired)
    ExpiryState state = ExpiryState::Valid;

    // e.g. "CRM client certificate /etc/kiosk/crm.pem (CN=kiosk-0001) expires in 12 days, on 2026-12-05"
    [[nodiscard]] std::string describe() const;
};

struct ExpiryReport {
    std::vector<CertificateExpiry> certificates;
    int warning_days = 30;

    [[nodiscard]] ExpiryState worst() const;  // Expired/NotYetValid > ExpiringSoon > Valid
    [[nodiscard]] bool usable() const;        // nothing expired or not yet valid
    // One line per certificate that is not Valid, worst first: what the technician screen shows.
    [[nodiscard]] std::vector<std::string> notices() const;
    // The same state recomputed for another time (the report read the files once; the uploader
    // re-evaluates every round against its clock without touching the disk).
    [[nodiscard]] ExpiryReport at(TimePoint now) const;
};

// Classifies one validity window; exposed for tests and for callers that parsed the dates elsewhere.
ExpiryState classify_validity(TimePoint not_before, TimePoint not_after, TimePoint now, int warning_days);

// Fails (domain "tls") only when a file cannot be read or holds no certificate, naming role and file;
// an expired certificate is a successful report whose worst() is Expired.
Result<ExpiryReport> check_certificate_expiry(const std::vector<CertificateToCheck>& certificates, TimePoint now,
                                              int warning_days = 30);

}  // namespace kiosk::security
