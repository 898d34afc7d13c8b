#include "host/host_certificate_expiry.hpp"

namespace kiosk::host {

Result<security::ExpiryReport> check_host_certificate_expiry(const Iso8583LinkSettings& settings, TimePoint now,
                                                             int warning_days) {
    return security::check_certificate_expiry({{"bank host client certificate", settings.tls.client_certificate},
                                               {"bank host CA certificate", settings.tls.ca_file}},
                                              now, warning_days);
}

}  // namespace kiosk::host
