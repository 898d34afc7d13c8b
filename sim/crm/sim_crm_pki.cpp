// Reuse-or-generate of a sim CRM directory's PKI (see sim_crm_pki.hpp).
#include "sim/crm/sim_crm_pki.hpp"

#include <openssl/pem.h>

#include <optional>

#include "security/openssl_error.hpp"
#include "security/openssl_handles.hpp"
#include "security/tls_expiry.hpp"

namespace kiosk::sim {
namespace {

TestPkiFiles files_in(const std::filesystem::path& directory) {
    TestPkiFiles files;
    files.ca = {directory / "ca.pem", directory / "ca.key"};
    files.server = {directory / "server.pem", directory / "server.key"};
    files.client = {directory / "client.pem", directory / "client.key"};
    return files;
}

// The existing PKI with its server pin, or nullopt when it must be made anew.
std::optional<TestPkiFiles> reusable_pki(const std::filesystem::path& directory, TimePoint now) {
    TestPkiFiles files = files_in(directory);
    for (const auto& file : {files.ca.certificate, files.ca.private_key, files.server.certificate,
                             files.server.private_key, files.client.certificate, files.client.private_key}) {
        if (!std::filesystem::exists(file)) return std::nullopt;
    }
    // warning_days 1: "expiring soon" here means less than a day left, too close to rely on.
    const auto report = security::check_certificate_expiry(
        {{"CA", files.ca.certificate}, {"server", files.server.certificate}, {"client", files.client.certificate}},
        now, 1);
    if (!report || report->worst() != security::ExpiryState::Valid) return std::nullopt;

    security::BioPtr in(BIO_new_file(files.server.certificate.c_str(), "r"));
    if (!in) return std::nullopt;
    security::X509Ptr certificate(PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr));
    if (!certificate) return std::nullopt;
    auto pin = spki_pin(*certificate);
    if (!pin) return std::nullopt;
    files.server_pin = std::move(*pin);
    return files;
}

}  // namespace

Result<TestPkiFiles> ensure_test_pki(const std::filesystem::path& directory, TimePoint now, RandomSource& serials) {
    if (auto existing = reusable_pki(directory, now)) return std::move(*existing);
    const Validity validity = valid_around(now);
    return generate_test_pki(directory, {validity, validity, true}, serials);
}

}  // namespace kiosk::sim
