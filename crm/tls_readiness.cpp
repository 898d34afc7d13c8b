#include "crm/tls_readiness.hpp"

namespace kiosk::crm {

std::vector<std::string> TlsReadiness::notices(TimePoint now) const {
    std::vector<std::string> lines = certificates.at(now).notices();
    if (!pins.empty() && !pins.has_backup()) {
        lines.push_back("CRM key pinning has no backup pin: when the CRM rotates its key this kiosk stops uploading "
                        "until its configuration is updated");
    }
    return lines;
}

std::optional<std::string> TlsReadiness::refusal(TimePoint now) const {
    const security::ExpiryReport current = certificates.at(now);
    if (current.usable()) return std::nullopt;
    std::string text;
    for (const auto& certificate : current.certificates) {
        if (certificate.state != security::ExpiryState::Expired && certificate.state != security::ExpiryState::NotYetValid) {
            continue;
        }
        text += (text.empty() ? "" : "; ") + certificate.describe();
    }
    return text;
}

Result<TlsReadiness> check_tls_readiness(const TlsSettings& tls, TimePoint now, int warning_days) {
    TlsReadiness readiness;
    auto pins = security::parse_pin_list(tls.pinned_public_keys, security::PinRequirement::AnyNumber,
                                         "CRM pinned public keys");
    if (!pins) return pins.error();
    readiness.pins = std::move(*pins);
    if (tls.client_cert_file.empty() != tls.client_key_file.empty()) {
        return make_error("tls", tls.client_cert_file.empty()
                                     ? "a CRM client key is configured (" + tls.client_key_file + ") but no client certificate"
                                     : "the CRM client certificate " + tls.client_cert_file + " has no key file configured");
    }
    auto report = security::check_certificate_expiry(
        {{"CRM client certificate", tls.client_cert_file}, {"CRM CA certificate", tls.ca_file}}, now, warning_days);
    if (!report) return report.error();
    readiness.certificates = std::move(*report);
    return readiness;
}

}  // namespace kiosk::crm
