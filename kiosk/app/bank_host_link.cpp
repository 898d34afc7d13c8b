#include "kiosk/app/bank_host_link.hpp"

#include <spdlog/spdlog.h>

#include <stdexcept>

#include "host/host_certificate_expiry.hpp"
#include "security/tls_pin.hpp"
#include "store/journal.hpp"

namespace kiosk {

namespace {

constexpr std::string_view kExpiryEvent = "certificate_expiry";

void warn_and_journal(CxRecorder& journal, std::string_view outcome, const std::string& resource,
                      const std::string& line) {
    spdlog::warn("bank host: {}", line);
    if (auto recorded = journal.record_event(store::kJournalSystemActor, kExpiryEvent, outcome, resource, line);
        !recorded.ok()) {
        spdlog::error("bank host: cannot journal a certificate notice: {}", recorded.error().to_string());
    }
}

}  // namespace

host::Iso8583LinkSettings host_link_settings(const HostConfig& config) {
    host::Iso8583LinkSettings settings;
    settings.address = config.address;
    settings.port = config.port;
    settings.server_name = config.server_name.empty() ? config.address : config.server_name;
    settings.tls = {config.ca_file, config.client_cert, config.client_key};
    // load_config demanded a primary and a backup pin already; here any number is read back.
    auto pins = security::parse_pin_set(config.pinned_keys, security::PinRequirement::AnyNumber, "host.pinned_keys");
    if (!pins.ok()) throw ConfigError(pins.error().message);
    settings.pinned_keys = std::move(*pins);
    settings.connect_timeout = config.connect_timeout;
    settings.reply_timeout = config.reply_timeout;
    return settings;
}

std::unique_ptr<host::Iso8583HostLink> open_host_link(const HostConfig& config) {
    auto link = host::Iso8583HostLink::create(host_link_settings(config));
    if (!link.ok()) throw std::runtime_error("bank host link: " + link.error().to_string());
    return std::move(*link);
}

std::vector<std::string> report_host_certificates(const HostConfig& config, TimePoint now, CxRecorder& journal,
                                                  int warning_days) {
    if (!config.configured()) return {};
    auto report = host::check_host_certificate_expiry(host_link_settings(config), now, warning_days);
    if (!report.ok()) {
        warn_and_journal(journal, "failure: unreadable", "bank host certificates", report.error().message);
        return {report.error().message};
    }
    for (const security::CertificateExpiry& certificate : report->certificates) {
        if (certificate.state == security::ExpiryState::Valid) continue;
        const bool refused = certificate.state != security::ExpiryState::ExpiringSoon;
        warn_and_journal(journal, std::string(refused ? "failure: " : "warning: ") + security::to_string(certificate.state),
                         certificate.role + " " + certificate.file.string(), certificate.describe());
    }
    return report->notices();
}

}  // namespace kiosk
