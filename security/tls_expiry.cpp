// Dates are read with ASN1_TIME_to_tm (UTC) and turned into TimePoints with timegm, so the report
// is computed against the caller's clock — a virtual clock in tests — and not OpenSSL's own time.
#include "security/tls_expiry.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>
#include <chrono>
#include <ctime>

#include "security/openssl_error.hpp"
#include "security/openssl_handles.hpp"

namespace kiosk::security {
namespace {

using Days = std::chrono::duration<std::int64_t, std::ratio<86400>>;

Result<TimePoint> to_time_point(const ASN1_TIME* time, const std::string& what) {
    std::tm parts{};
    if (time == nullptr || ASN1_TIME_to_tm(time, &parts) != 1) return openssl_error("cannot read " + what);
    const std::time_t seconds = timegm(&parts);
    return TimePoint(std::chrono::duration_cast<Millis>(std::chrono::seconds(seconds)));
}

std::string one_line_subject(const X509& certificate) {
    BioPtr out(BIO_new(BIO_s_mem()));
    if (!out) return "?";
    X509_NAME_print_ex(out.get(), X509_get_subject_name(&certificate), 0, XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB);
    char* data = nullptr;
    const long length = BIO_get_mem_data(out.get(), &data);
    return length > 0 ? std::string(data, static_cast<std::size_t>(length)) : "?";
}

std::string iso_date(TimePoint time) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(std::chrono::time_point_cast<std::chrono::seconds>(time));
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[32] = {};
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &parts);
    return text;
}

int severity(ExpiryState state) {
    switch (state) {
        case ExpiryState::Valid: return 0;
        case ExpiryState::ExpiringSoon: return 1;
        case ExpiryState::NotYetValid: return 2;
        case ExpiryState::Expired: return 3;
    }
    return 3;
}

std::int64_t days_between(TimePoint from, TimePoint to) {
    // floor, so "expires in 0 days" means later today and -1 means it expired within the last day
    return std::chrono::floor<Days>(to - from).count();
}

Status read_file(const CertificateToCheck& entry, ExpiryReport& report) {
    const std::string where = entry.role + " " + entry.file.string();
    BioPtr in(BIO_new_file(entry.file.c_str(), "r"));
    if (!in) return make_error("tls", "cannot open " + where + ": " + openssl_error("BIO_new_file").message);
    std::size_t found = 0;
    while (true) {
        X509Ptr certificate(PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr));
        if (!certificate) break;
        ++found;
        CertificateExpiry expiry;
        expiry.role = entry.role;
        expiry.file = entry.file;
        expiry.subject = one_line_subject(*certificate);
        auto not_before = to_time_point(X509_get0_notBefore(certificate.get()), "notBefore of " + where);
        if (!not_before) return make_error("tls", not_before.error().message);
        auto not_after = to_time_point(X509_get0_notAfter(certificate.get()), "notAfter of " + where);
        if (!not_after) return make_error("tls", not_after.error().message);
        expiry.not_before = *not_before;
        expiry.not_after = *not_after;
        report.certificates.push_back(expiry);
    }
    ERR_clear_error();  // the loop ends on "no start line": expected, not a failure
    if (found == 0) return make_error("tls", where + " holds no PEM certificate");
    return ok_status();
}

}  // namespace

const char* to_string(ExpiryState state) {
    switch (state) {
        case ExpiryState::Valid: return "valid";
        case ExpiryState::ExpiringSoon: return "expiring soon";
        case ExpiryState::Expired: return "expired";
        case ExpiryState::NotYetValid: return "not yet valid";
    }
    return "unknown";
}

ExpiryState classify_validity(TimePoint not_before, TimePoint not_after, TimePoint now, int warning_days) {
    if (now < not_before) return ExpiryState::NotYetValid;
    if (now > not_after) return ExpiryState::Expired;
    if (not_after - now <= Days(warning_days)) return ExpiryState::ExpiringSoon;
    return ExpiryState::Valid;
}

std::string CertificateExpiry::describe() const {
    const std::string what = role + " " + file.string() + " (" + subject + ")";
    switch (state) {
        case ExpiryState::Expired:
            return what + " EXPIRED on " + iso_date(not_after) + "; replace it — the kiosk refuses to use it";
        case ExpiryState::NotYetValid:
            return what + " is not valid before " + iso_date(not_before) +
                   "; the kiosk refuses to use it (check the terminal's clock)";
        case ExpiryState::ExpiringSoon:
            return what + " expires in " + std::to_string(days_left) + " days, on " + iso_date(not_after) +
                   "; order its replacement now";
        case ExpiryState::Valid:
            break;
    }
    return what + " valid until " + iso_date(not_after) + " (" + std::to_string(days_left) + " days)";
}

ExpiryState ExpiryReport::worst() const {
    ExpiryState worst_state = ExpiryState::Valid;
    for (const auto& certificate : certificates) {
        if (severity(certificate.state) > severity(worst_state)) worst_state = certificate.state;
    }
    return worst_state;
}

bool ExpiryReport::usable() const { return severity(worst()) < severity(ExpiryState::NotYetValid); }

std::vector<std::string> ExpiryReport::notices() const {
    std::vector<const CertificateExpiry*> flagged;
    for (const auto& certificate : certificates) {
        if (certificate.state != ExpiryState::Valid) flagged.push_back(&certificate);
    }
    std::stable_sort(flagged.begin(), flagged.end(), [](const CertificateExpiry* a, const CertificateExpiry* b) {
        return severity(a->state) > severity(b->state);
    });
    std::vector<std::string> lines;
    lines.reserve(flagged.size());
    for (const CertificateExpiry* certificate : flagged) lines.push_back(certificate->describe());
    return lines;
}

ExpiryReport ExpiryReport::at(TimePoint now) const {
    ExpiryReport report = *this;
    for (auto& certificate : report.certificates) {
        certificate.days_left = days_between(now, certificate.not_after);
        certificate.state = classify_validity(certificate.not_before, certificate.not_after, now, warning_days);
    }
    return report;
}

Result<ExpiryReport> check_certificate_expiry(const std::vector<CertificateToCheck>& certificates, TimePoint now,
                                              int warning_days) {
    ExpiryReport report;
    report.warning_days = warning_days;
    for (const auto& entry : certificates) {
        if (entry.file.empty()) continue;
        KIOSK_TRY(read_file(entry, report));
    }
    return report.at(now);
}

}  // namespace kiosk::security
