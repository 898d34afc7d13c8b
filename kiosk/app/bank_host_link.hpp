// The bank host link a kiosk opens from its [host] section (docs/host.md, docs/configuration.md):
// ISO 8583 over mutual TLS with the configured pins and timeouts, and the start-up report on the
// link's certificates — logged and journaled like the CRM uploader's, so a technician learns of an
// expiring certificate 30 days ahead and not from a refused handshake.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "host/iso8583_host_link.hpp"
#include "kiosk/config/kiosk_config.hpp"
#include "kiosk/cx/cx_recorder.hpp"

namespace kiosk {

// The link's settings from [host]; an empty server_name means the address. Throws ConfigError
// naming host.pinned_keys when a pin does not parse (load_config has already refused that).
host::Iso8583LinkSettings host_link_settings(const HostConfig& config);

// Throws std::runtime_error, naming the file, when a certificate or key cannot be loaded.
std::unique_ptr<host::Iso8583HostLink> open_host_link(const HostConfig& config);

// Every certificate of the [host] link (client certificate, CA) that is expired, not yet valid or
// expiring within `warning_days` as of `now`: one warning logged and one journal line each
// (event "certificate_expiry"); an unreadable file is reported the same way. Returns those lines,
// worst first; none when all is well or no host is configured.
std::vector<std::string> report_host_certificates(const HostConfig& config, TimePoint now, CxRecorder& journal,
                                                  int warning_days = 30);

}  // namespace kiosk
